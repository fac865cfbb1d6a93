namespace ExecutiveDashboard.Contracts.Dashboard;

public sealed record TopAgent(string Id, string? Name, long Runs, double? SuccessRate, double? AvgRuntime);
