namespace ExecutiveDashboard.Contracts.Dashboard;

public sealed record ActiveAlert(string Id, string Type, string Message, string Severity, DateTime TriggeredAt);
