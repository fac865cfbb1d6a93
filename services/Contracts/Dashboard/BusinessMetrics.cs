namespace ExecutiveDashboard.Contracts.Dashboard;

public sealed record BusinessMetrics(
    decimal? Mrr, double? MrrChange, decimal? Arr,
    decimal? Ltv, decimal? Cac, double? LtvCacRatio,
    long? ActiveWorkspaces, long? PaidWorkspaces, long? TrialWorkspaces,
    double? ChurnRate)
{
    public static readonly BusinessMetrics Empty = new(null, null, null, null, null, null, null, null, null, null);
}
