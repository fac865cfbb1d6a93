using System.Globalization;
using CsCheck;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Files;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

public sealed class CsvDashboardPropertyTests
{
    /// <summary>The metrics whose values are text; every other value is a number or a time.</summary>
    private static readonly HashSet<string> TextMetrics = ["scope", "timeframe", "generatedBy", "name", "workspaceId", "type", "message", "severity"];

    /// <summary>Any Unicode scalar value, with ASCII, control characters and what CSV and spreadsheets treat specially
    /// (quotes, separators, line breaks, formula starts, the escape itself) made frequent.</summary>
    private static readonly Gen<string> Text = Gen.Select(
            Gen.OneOf("", "=", "+", "-", "@", "\t", "\r", "'", "'=", "''-", "\"", ",", "\n", "\r\n", " ", "-1"),
            Gen.Frequency(
                (4, Gen.Int[0x20, 0x7E]),
                (1, Gen.Int[0, 0x1F]),
                (2, Gen.Int[0, 0x10FFFF - 0x800].Select(c => c < 0xD800 ? c : c + 0x800))).Array[0, 8],
            (start, rest) => start + string.Concat(rest.Select(char.ConvertFromUtf32)))
        .Where(s => s.Length > 0);

    private static readonly Gen<double> Real = Gen.Double.Where(double.IsFinite);
    private static readonly Gen<DateTime> Time = Gen.Long[0, DateTime.MaxValue.Ticks].Select(t => new DateTime(t, DateTimeKind.Utc));
    private static readonly Gen<long?> NLong = Gen.Nullable(Gen.Long, 0.2);
    private static readonly Gen<double?> NReal = Gen.Nullable(Real, 0.2);
    private static readonly Gen<decimal?> NAmount = Gen.Nullable(Gen.Decimal, 0.2);
    private static readonly Gen<string?> NText = Gen.Null(Text, 0.2);

    private static readonly Gen<UserMetrics> Users = Gen.Select(NLong, NReal, NLong, NReal, NLong, NReal, NLong, NLong, NReal,
        (a, b, c, d, e, f, g, h, i) => new UserMetrics(a, b, c, d, e, f, g, h, i));

    private static readonly Gen<ExecutionMetrics> Executions = Gen.Select(NLong, NReal, NLong, NLong, NReal, NReal, NReal, NReal, NAmount, NReal,
        (a, b, c, d, e, f, g, h, i, j) => new ExecutionMetrics(a, b, c, d, e, f, g, h, i, j));

    private static readonly Gen<BusinessMetrics> Business = Gen.Select(NAmount, NReal, NAmount, NAmount, NAmount, NReal, NLong, NLong, NLong, NReal,
        (a, b, c, d, e, f, g, h, i, j) => new BusinessMetrics(a, b, c, d, e, f, g, h, i, j));

    private static readonly Gen<MrrMovements> Movements = Gen.Select(NAmount, NAmount, NAmount, NAmount, NAmount,
        (a, b, c, d, e) => new MrrMovements(a, b, c, d, e));

    private static readonly Gen<AgentMetrics> Agents = Gen.Select(NLong, NLong,
        Gen.Select(Text, Text, NText, Gen.Long, NReal, NReal, (id, workspace, name, runs, rate, runtime) => new TopAgent(id, workspace, name, runs, rate, runtime)).Array[0, 3],
        (total, active, top) => new AgentMetrics(total, active, top));

    private static readonly Gen<TopUser[]> TopUsers =
        Gen.Select(Text, Text, NText, Gen.Long, Gen.Decimal, Gen.Nullable(Time, 0.2), (id, workspace, name, runs, credits, last) => new TopUser(id, workspace, name, runs, credits, last)).Array[0, 3];

    private static readonly Gen<ActiveAlert[]> Alerts =
        Gen.Select(Text, Text, Text, Text, Time, (id, type, message, severity, at) => new ActiveAlert(id, type, message, severity, at)).Array[0, 3];

    private static readonly Gen<TimeSeriesPoint[]> Points = Gen.Select(Time, Real, (t, v) => new TimeSeriesPoint(t, v)).Array[0, 4];

    private static readonly Gen<TimeSeriesPoint[]> RunPoints =
        Gen.Select(Time, Real, Gen.Long, Gen.Long, (t, v, s, f) => new TimeSeriesPoint(t, v, Successful: s, Failed: f)).Array[0, 4];

    private static readonly Gen<ExportDocument> Documents = Gen.Select(
        Gen.Select(Text, Text, Text, (scope, timeframe, by) => (scope, timeframe, by)),
        Gen.Select(Users, Executions, Business, Agents, Movements, (u, e, b, a, m) => (u, e, b, a, m)),
        Gen.Select(RunPoints, Points, Points, Points, (execution, users, revenue, errors) => new Trends(execution, users, revenue, errors)),
        Gen.Select(TopUsers, Alerts, (users, alerts) => (users, alerts)),
        (meta, kpis, trends, tables) => new ExportDocument(
            new ExecutiveDashboardData(meta.timeframe, new PeriodRange(Dashboards.PeriodStart, Dashboards.AsOf), kpis.u, kpis.e, kpis.b, kpis.a, trends,
                tables.alerts, tables.users, kpis.m, Dashboards.Meta([])),
            meta.scope, Dashboards.GeneratedAt, meta.by, []));

    [Fact]
    public void Any_document_reads_back_exactly_with_no_text_cell_starting_like_a_formula_and_no_number_altered()
    {
        Documents.Sample(document =>
        {
            var rows = CsvFile.Rows(CsvFile.Write(document));

            var back = DashboardReadBack.Of(rows, Dashboards.AsOf);
            back.AssertHolds(document);
            Assert.Equal((document.Scope, document.Overview.Timeframe, document.GeneratedBy),
                (back.Meta["scope"], back.Meta["timeframe"], back.Meta["generatedBy"]));

            Assert.All(rows, r => Assert.False(
                new[] { r.Section, r.Item, r.Metric, r.Unit }.Any(CsvFile.StartsLikeFormula)
                || TextMetrics.Contains(r.Metric) && CsvFile.StartsLikeFormula(r.Value), r.ToString()));

            AssertNumbersAsWritten(document, rows);
        }, iter: 300);
    }

    /// <summary>Each kind of number cell is the number's own invariant text: a double's shortest round-trip form, a
    /// decimal with its scale, a long; never prefixed.</summary>
    private static void AssertNumbersAsWritten(ExportDocument document, IReadOnlyList<CsvRow> rows)
    {
        var overview = document.Overview;
        string Cell(string section, string metric) => rows.Single(r => r.Section == section && r.Metric == metric).Value;

        Assert.Equal(overview.UserMetrics.DauChange?.ToString("R", CultureInfo.InvariantCulture) ?? "", Cell("userMetrics", "dauChange"));
        Assert.Equal(overview.ExecutionMetrics.TotalRuns?.ToString(CultureInfo.InvariantCulture) ?? "", Cell("executionMetrics", "totalRuns"));
        Assert.Equal(overview.BusinessMetrics.Mrr?.ToString(CultureInfo.InvariantCulture) ?? "", Cell("businessMetrics", "mrr"));
        Assert.Equal(overview.Trends.Revenue.Select(p => p.Value.ToString("R", CultureInfo.InvariantCulture)),
            rows.Where(r => r.Section == "trends.revenue").Select(r => r.Value));
        Assert.Equal(overview.TopUsers.Select(u => u.CreditsUsed.ToString(CultureInfo.InvariantCulture)),
            rows.Where(r => r.Section == "topUsers" && r.Metric == "creditsUsed").Select(r => r.Value));
    }
}
