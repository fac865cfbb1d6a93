using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Files;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

/// <summary>Hand-built documents with known values for the CSV tests.</summary>
internal static class Dashboards
{
    public static readonly DateTime AsOf = new(2026, 12, 6, 8, 0, 0, 250, DateTimeKind.Utc);
    public static readonly DateTime PeriodStart = AsOf.AddDays(-30);
    public static readonly DateTime GeneratedAt = new(2026, 12, 6, 8, 0, 1, 500, DateTimeKind.Utc);

    public const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
    public const string Sum = "+SUM(A1)";
    public const string AlertMessage = "Error rate 12% > 10%, \"Invoice Bot\"\nsecond line";

    /// <summary>Units as the gateway's catalog has them, without <c>activeAgents</c>: a metric without an entry has no unit.</summary>
    public static readonly IReadOnlyDictionary<string, MetricInfo> MetricInfo = new Dictionary<string, MetricInfo>
    {
        ["dau"] = new("count", "percent", true, ""),
        ["wau"] = new("count", "percent", true, ""),
        ["mau"] = new("count", "percent", true, ""),
        ["newUsers"] = new("count", null, true, ""),
        ["churnedUsers"] = new("count", null, false, ""),
        ["activeRate"] = new("percent", null, true, ""),
        ["totalRuns"] = new("count", "percent", true, ""),
        ["successfulRuns"] = new("count", null, true, ""),
        ["failedRuns"] = new("count", null, false, ""),
        ["successRate"] = new("percent", "pp", true, ""),
        ["avgRuntime"] = new("seconds", null, false, ""),
        ["p95Runtime"] = new("seconds", null, false, ""),
        ["totalCreditsUsed"] = new("count", "percent", true, ""),
        ["mrr"] = new("currency", "percent", true, ""),
        ["arr"] = new("currency", null, true, ""),
        ["ltv"] = new("currency", null, true, ""),
        ["cac"] = new("currency", null, false, ""),
        ["ltvCacRatio"] = new("ratio", null, true, ""),
        ["activeWorkspaces"] = new("count", null, true, ""),
        ["paidWorkspaces"] = new("count", null, true, ""),
        ["trialWorkspaces"] = new("count", null, true, ""),
        ["churnRate"] = new("percent", null, false, ""),
        ["errorRate"] = new("percent", null, false, ""),
        ["totalAgents"] = new("count", null, true, ""),
    };

    /// <summary>One point per trend and one row per table, so that the whole file can be written out by hand.</summary>
    public static ExportDocument Small(params string[] degraded) => Document(new ExecutiveDashboardData(
        "30d",
        new PeriodRange(PeriodStart, AsOf),
        new UserMetrics(120, -12.5, 400, null, 900, 3.25, 15, 4, 62.5),
        new ExecutionMetrics(12345, 8.1, 12000, 345, 97.21, -0.4, 42.125, 180.5, 1234.50m, null),
        new BusinessMetrics(45000.00m, 2.5, 540000.00m, 12500.5m, null, null, 42, 30, 8, 1.75),
        new AgentMetrics(7, 5, [new TopAgent("ag_1", "ws_1", Hyperlink, 900, 98.5, 12.25)]),
        new Trends(
            [new TimeSeriesPoint(PeriodStart, 410, Successful: 400, Failed: 10)],
            [new TimeSeriesPoint(PeriodStart, 75)],
            [new TimeSeriesPoint(PeriodStart, 44000.5)],
            [new TimeSeriesPoint(PeriodStart, 2.44)]),
        [new ActiveAlert("al_1", "error_rate", AlertMessage, "critical", new DateTime(2026, 12, 6, 7, 30, 0, DateTimeKind.Utc))],
        [new TopUser("u_1", "ws_1", Sum, 321, 87.25m, new DateTime(2026, 12, 5, 23, 59, 59, DateTimeKind.Utc))],
        new MrrMovements(1500.00m, 300m, 120.5m, 0m, null),
        Meta(degraded)));

    /// <summary>Several points and rows, nulls, negative changes, amounts with their scale, names that need quoting, and
    /// two workspaces' agents with the same id (the platform scope).</summary>
    public static ExportDocument Rich()
    {
        var points = Enumerable.Range(0, 5).Select(i => PeriodStart.AddDays(i)).ToList();
        return Document(new ExecutiveDashboardData(
            "7d",
            new PeriodRange(PeriodStart, AsOf),
            new UserMetrics(0, null, 17, -100, 1_000_000, 0.001, null, 0, 100),
            new ExecutionMetrics(long.MaxValue, 1e-7, 9, 1, 90, -12.5, 0.333, null, 0.01m, -99.99),
            new BusinessMetrics(79228162514264337593543950335m, -0.5, -1.10m, 3.14159265358979323846264m, 0m, 1.5, null, 0, 1, null),
            new AgentMetrics(3, null,
            [
                new TopAgent("ag_1", "ws_1", "Invoice, \"Bot\"", 10, 100, 1.5),
                new TopAgent("ag_1", "ws_2", null, 9, null, null),
                new TopAgent("ag-2", "ws_2", "line\r\nbreak", 1, 0, 300),
            ]),
            new Trends(
                points.Select((t, i) => new TimeSeriesPoint(t, 10 + i, Successful: 9 + i, Failed: 1)).ToList(),
                points.Select((t, i) => new TimeSeriesPoint(t, i)).ToList(),
                points.Select((t, i) => new TimeSeriesPoint(t, 1234.5 * i)).ToList(),
                points.Select((t, i) => new TimeSeriesPoint(t, i == 0 ? 0 : 100.0 / (i + 2))).ToList()),
            [
                new ActiveAlert("al_2", "failure_spike", "@team look", "warning", AsOf.AddMinutes(-1)),
                new ActiveAlert("al_1", "-error", "\tTabbed", "info", AsOf.AddTicks(-1)),
            ],
            [
                new TopUser("u_1", "ws_1", "Zoë 山田 😀", 5, 0.5m, null),
                new TopUser("u_1", "ws_2", null, 4, 12.00m, AsOf),
            ],
            new MrrMovements(null, 0.10m, 5m, -2m, 1m),
            Meta([])), scope: "all");
    }

    public static ExportDocument Document(ExecutiveDashboardData overview, string scope = "ws_1") =>
        new(overview, scope, GeneratedAt, "Alice Martin", []);

    public static DashboardMeta Meta(IReadOnlyList<string> degraded) =>
        new(AsOf.AddSeconds(-1), AsOf, Cached: false, degraded, [], MetricInfo);
}
