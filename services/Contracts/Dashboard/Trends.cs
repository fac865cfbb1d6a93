namespace ExecutiveDashboard.Contracts.Dashboard;

public sealed record Trends(
    IReadOnlyList<TimeSeriesPoint> Execution,
    IReadOnlyList<TimeSeriesPoint> Users,
    IReadOnlyList<TimeSeriesPoint> Revenue,
    IReadOnlyList<TimeSeriesPoint> Errors);
