using System.Text.Json.Serialization;

namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>
/// The dashboard contract: the seed's <c>ExecutiveDashboardData</c> plus the extensions of
/// docs/metrics.md (<c>topUsers</c>, <c>mrrMovements</c>, <c>meta</c>). Serialised camelCase; every
/// field is present and <c>null</c> where a value is undefined or its section is degraded.
/// Times are UTC <see cref="DateTime"/>s so that they serialise with a <c>Z</c>.
/// </summary>
public sealed record ExecutiveDashboardData(
    string Timeframe,
    PeriodRange Period,
    UserMetrics UserMetrics,
    ExecutionMetrics ExecutionMetrics,
    BusinessMetrics BusinessMetrics,
    AgentMetrics AgentMetrics,
    Trends Trends,
    IReadOnlyList<ActiveAlert> ActiveAlerts,
    IReadOnlyList<TopUser> TopUsers,
    MrrMovements MrrMovements,
    DashboardMeta Meta);

public sealed record PeriodRange(DateTime Start, DateTime End);

public sealed record UserMetrics(
    long? Dau, double? DauChange,
    long? Wau, double? WauChange,
    long? Mau, double? MauChange,
    long? NewUsers, long? ChurnedUsers, double? ActiveRate)
{
    public static readonly UserMetrics Empty = new(null, null, null, null, null, null, null, null, null);
}

public sealed record ExecutionMetrics(
    long? TotalRuns, double? TotalRunsChange,
    long? SuccessfulRuns, long? FailedRuns,
    double? SuccessRate, double? SuccessRateChange,
    double? AvgRuntime, double? P95Runtime,
    decimal? TotalCreditsUsed, double? CreditsChange)
{
    public static readonly ExecutionMetrics Empty = new(null, null, null, null, null, null, null, null, null, null);
}

public sealed record BusinessMetrics(
    decimal? Mrr, double? MrrChange, decimal? Arr,
    decimal? Ltv, decimal? Cac, double? LtvCacRatio,
    long? ActiveWorkspaces, long? PaidWorkspaces, long? TrialWorkspaces,
    double? ChurnRate)
{
    public static readonly BusinessMetrics Empty = new(null, null, null, null, null, null, null, null, null, null);
}

public sealed record AgentMetrics(long? TotalAgents, long? ActiveAgents, IReadOnlyList<TopAgent> TopAgents)
{
    public static readonly AgentMetrics Empty = new(null, null, []);
}

public sealed record TopAgent(string Id, string? Name, long Runs, double? SuccessRate, double? AvgRuntime);

/// <summary>A user of the top-10 by runs; users are per workspace, so the platform scope names the workspace too.</summary>
public sealed record TopUser(string Id, string WorkspaceId, string? Name, long Runs, decimal CreditsUsed, DateTime? LastActiveAt);

public sealed record Trends(
    IReadOnlyList<TimeSeriesPoint> Execution,
    IReadOnlyList<TimeSeriesPoint> Users,
    IReadOnlyList<TimeSeriesPoint> Revenue,
    IReadOnlyList<TimeSeriesPoint> Errors);

/// <summary>One trend bucket; <c>timestamp</c> is the bucket start. Execution points also carry
/// <c>successful</c> and <c>failed</c>; other series omit them.</summary>
public sealed record TimeSeriesPoint(
    DateTime Timestamp,
    double Value,
    string? Label = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    long? Successful = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    long? Failed = null);

public sealed record ActiveAlert(string Id, string Type, string Message, string Severity, DateTime TriggeredAt);

public sealed record MrrMovements(decimal? New, decimal? Expansion, decimal? Contraction, decimal? Churned, decimal? Reactivation)
{
    public static readonly MrrMovements Empty = new(null, null, null, null, null);
}

/// <param name="Degraded">Sections whose service failed or timed out: empty, their numbers null.</param>
/// <param name="CatchingUp">Sections that answered without some events already accepted (a backfill is
/// ahead of the rollups); their numbers grow to the full values within seconds.</param>
/// <param name="Sections">Only in an answer to <c>?sections=…</c>: the sections it holds (every section of each service
/// that feeds one of those asked); the others hold their empty values and are to be kept from an earlier answer.
/// Absent from a whole overview.</param>
public sealed record DashboardMeta(
    DateTime GeneratedAt,
    DateTime AsOf,
    bool Cached,
    IReadOnlyList<string> Degraded,
    IReadOnlyList<string> CatchingUp,
    IReadOnlyDictionary<string, MetricInfo> MetricInfo,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Sections = null);

/// <param name="Unit">count, currency, percent, seconds or ratio.</param>
/// <param name="ChangeUnit">percent (relative change) or pp (percentage points); null when the metric has no change.</param>
public sealed record MetricInfo(string Unit, string? ChangeUnit, bool HigherIsBetter, string Description);
