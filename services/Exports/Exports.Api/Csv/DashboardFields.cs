using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.Csv;

/// <summary>
/// Which fields of each contract record become rows, in the contract's order, with the <c>meta.metricInfo</c> key
/// their unit comes from. A unit test holds these lists against the records' properties, so a field added to the
/// contract and not here fails it.
/// </summary>
internal static class DashboardFields
{
    /// <summary>The section of <c>agentMetrics.topAgents</c>' rows; the contract has no section of that name, it is
    /// part of <see cref="Sections.AgentMetrics"/>.</summary>
    public const string TopAgents = "topAgents";

    /// <summary>The 1-based place of a table row in the overview's list: at the platform scope two workspaces' agents
    /// (or users) can share an id, and the rows must stay apart and keep their order when a spreadsheet sorts them.</summary>
    public const string Position = "position";

    public static readonly IReadOnlyList<CsvField<UserMetrics>> UserMetrics =
    [
        Metric("dau", (UserMetrics m) => m.Dau), ChangeOf("dau", "dauChange", (UserMetrics m) => m.DauChange),
        Metric("wau", (UserMetrics m) => m.Wau), ChangeOf("wau", "wauChange", (UserMetrics m) => m.WauChange),
        Metric("mau", (UserMetrics m) => m.Mau), ChangeOf("mau", "mauChange", (UserMetrics m) => m.MauChange),
        Metric("newUsers", (UserMetrics m) => m.NewUsers),
        Metric("churnedUsers", (UserMetrics m) => m.ChurnedUsers),
        Metric("activeRate", (UserMetrics m) => m.ActiveRate),
    ];

    public static readonly IReadOnlyList<CsvField<ExecutionMetrics>> ExecutionMetrics =
    [
        Metric("totalRuns", (ExecutionMetrics m) => m.TotalRuns), ChangeOf("totalRuns", "totalRunsChange", (ExecutionMetrics m) => m.TotalRunsChange),
        Metric("successfulRuns", (ExecutionMetrics m) => m.SuccessfulRuns),
        Metric("failedRuns", (ExecutionMetrics m) => m.FailedRuns),
        Metric("successRate", (ExecutionMetrics m) => m.SuccessRate), ChangeOf("successRate", "successRateChange", (ExecutionMetrics m) => m.SuccessRateChange),
        Metric("avgRuntime", (ExecutionMetrics m) => m.AvgRuntime),
        Metric("p95Runtime", (ExecutionMetrics m) => m.P95Runtime),
        Metric("totalCreditsUsed", (ExecutionMetrics m) => m.TotalCreditsUsed), ChangeOf("totalCreditsUsed", "creditsChange", (ExecutionMetrics m) => m.CreditsChange),
    ];

    /// <summary>Its <c>topAgents</c> are a table of their own (<see cref="TopAgent"/>).</summary>
    public static readonly IReadOnlyList<CsvField<AgentMetrics>> AgentMetrics =
    [
        Metric("totalAgents", (AgentMetrics m) => m.TotalAgents),
        Metric("activeAgents", (AgentMetrics m) => m.ActiveAgents),
    ];

    public static readonly IReadOnlyList<CsvField<BusinessMetrics>> BusinessMetrics =
    [
        Metric("mrr", (BusinessMetrics m) => m.Mrr), ChangeOf("mrr", "mrrChange", (BusinessMetrics m) => m.MrrChange),
        Metric("arr", (BusinessMetrics m) => m.Arr),
        Metric("ltv", (BusinessMetrics m) => m.Ltv),
        Metric("cac", (BusinessMetrics m) => m.Cac),
        Metric("ltvCacRatio", (BusinessMetrics m) => m.LtvCacRatio),
        Metric("activeWorkspaces", (BusinessMetrics m) => m.ActiveWorkspaces) with { FedBy = Sections.ActiveWorkspaces },
        Metric("paidWorkspaces", (BusinessMetrics m) => m.PaidWorkspaces),
        Metric("trialWorkspaces", (BusinessMetrics m) => m.TrialWorkspaces),
        Metric("churnRate", (BusinessMetrics m) => m.ChurnRate),
    ];

    /// <summary>Amounts of MRR: the unit of <c>mrr</c>.</summary>
    public static readonly IReadOnlyList<CsvField<MrrMovements>> MrrMovements =
    [
        Field("new", (MrrMovements m) => m.New, "mrr"),
        Field("expansion", (MrrMovements m) => m.Expansion, "mrr"),
        Field("contraction", (MrrMovements m) => m.Contraction, "mrr"),
        Field("churned", (MrrMovements m) => m.Churned, "mrr"),
        Field("reactivation", (MrrMovements m) => m.Reactivation, "mrr"),
    ];

    /// <summary>The numeric fields of a point (its <c>timestamp</c> is the row's, its <c>label</c> a caption); the
    /// unit of <c>value</c> is the series' own metric: runs, MRR, the error rate; active users per bucket have none.</summary>
    public static readonly IReadOnlyList<CsvTrend> Trends =
    [
        new(Sections.ExecutionTrend, t => t.Execution, PointFields("totalRuns")),
        new(Sections.UsersTrend, t => t.Users, PointFields(null)),
        new(Sections.RevenueTrend, t => t.Revenue, PointFields("mrr")),
        new(Sections.ErrorsTrend, t => t.Errors, PointFields("errorRate")),
    ];

    /// <summary>The row's <c>id</c> is its <c>item</c>.</summary>
    public static readonly IReadOnlyList<CsvField<TopAgent>> TopAgent =
    [
        Field("workspaceId", (TopAgent a) => a.WorkspaceId),
        Field("name", (TopAgent a) => a.Name),
        Field("runs", (TopAgent a) => a.Runs, "totalRuns"),
        Field("successRate", (TopAgent a) => a.SuccessRate, "successRate"),
        Field("avgRuntime", (TopAgent a) => a.AvgRuntime, "avgRuntime"),
    ];

    /// <summary>The row's <c>id</c> is its <c>item</c>.</summary>
    public static readonly IReadOnlyList<CsvField<TopUser>> TopUser =
    [
        Field("workspaceId", (TopUser u) => u.WorkspaceId),
        Field("name", (TopUser u) => u.Name),
        Field("runs", (TopUser u) => u.Runs, "totalRuns"),
        Field("creditsUsed", (TopUser u) => u.CreditsUsed, "totalCreditsUsed"),
        Field("lastActiveAt", (TopUser u) => u.LastActiveAt),
    ];

    /// <summary>The row's <c>id</c> is its <c>item</c>.</summary>
    public static readonly IReadOnlyList<CsvField<ActiveAlert>> ActiveAlert =
    [
        Field("type", (ActiveAlert a) => a.Type),
        Field("message", (ActiveAlert a) => a.Message),
        Field("severity", (ActiveAlert a) => a.Severity),
        Field("triggeredAt", (ActiveAlert a) => a.TriggeredAt),
    ];

    private static IReadOnlyList<CsvField<TimeSeriesPoint>> PointFields(string? valueMetric) =>
    [
        Field("value", (TimeSeriesPoint p) => p.Value, valueMetric),
        Field("successful", (TimeSeriesPoint p) => p.Successful, "successfulRuns"),
        Field("failed", (TimeSeriesPoint p) => p.Failed, "failedRuns"),
    ];

    private static CsvField<T> Metric<T>(string name, Func<T, CsvValue> value) => new(name, value, UnitOf: name);

    private static CsvField<T> ChangeOf<T>(string metric, string name, Func<T, CsvValue> value) => new(name, value, metric, IsChange: true);

    private static CsvField<T> Field<T>(string name, Func<T, CsvValue> value, string? unitOf = null) => new(name, value, unitOf);
}
