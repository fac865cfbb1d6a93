namespace ExecutiveDashboard.Contracts.Dashboard;

public sealed record ExecutionMetrics(
    long? TotalRuns, double? TotalRunsChange,
    long? SuccessfulRuns, long? FailedRuns,
    double? SuccessRate, double? SuccessRateChange,
    double? AvgRuntime, double? P95Runtime,
    decimal? TotalCreditsUsed, double? CreditsChange)
{
    public static readonly ExecutionMetrics Empty = new(null, null, null, null, null, null, null, null, null, null);
}
