using System.Globalization;
using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The CSV export through the gateway, against the whole running system: the file of <see cref="ExportsBoard"/> at its
/// asOf parses back (CsvHelper) equal to the overview the gateway answers at the same asOf, number for number, trend point
/// for trend point, row for row; the formula-like names come out escaped while every negative number stays a number.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ExportsCsvTests(DashboardApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_csv_is_the_overview_at_the_same_asOf_number_for_number()
    {
        var board = await ExportsBoard.PreparedAsync(app);
        var ceo = await app.SignInAsync("ceo", ExportsBoard.Workspace, "Dana Export");

        var overview = await board.OverviewAsync(ceo);
        var answer = await ExportAnswer.GetAsync(ceo, board.Query("csv"));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("text/csv; charset=utf-8", answer.ContentType);
        Assert.Equal($"attachment; filename=\"{board.FileName("csv")}\"", answer.ContentDisposition);
        Assert.NotEqual(Guid.Empty, answer.AuditId);
        Assert.Equal(answer.BodySha256, answer.Sha256);

        // UTF-8 with a byte-order mark, CRLF line ends (no bare LF: no field of this file holds a line break), the header first.
        Assert.Equal([0xEF, 0xBB, 0xBF], answer.Body[..3]);
        var text = Encoding.UTF8.GetString(answer.Body.AsSpan(3));
        Assert.StartsWith("section,item,metric,timestamp,value,unit\r\n", text);
        Assert.DoesNotMatch("[^\r]\n", text);
        // RFC 4180 quoting of the injection case, escaped inside the quotes.
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", text);

        var rows = ExportCsvRows.Parse(answer.Body);
        output.WriteLine($"{rows.Count} rows, {answer.Body.Length} bytes");
        var byKey = rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.ToList());
        Assert.True(byKey.All(g => g.Value.Count == 1), "rows repeated: " + string.Join("; ", byKey.Where(g => g.Value.Count > 1).Select(g => g.Key)));

        var differences = new List<string>();
        var expected = ExportCsvRows.Expected(overview, board.AsOf);
        foreach (var (row, value, unit) in expected)
        {
            if (!byKey.TryGetValue(row.Key, out var found))
            {
                differences.Add($"{row.Key}: missing (expected {value?.ToJsonString() ?? "null"})");
                continue;
            }
            if (ExportCsvRows.Mismatch(value, found[0].Value) is { } wrong)
            {
                differences.Add($"{row.Key}: {wrong}");
            }
            if (unit is not null && found[0].Unit != unit)
            {
                differences.Add($"{row.Key}: unit '{found[0].Unit}', expected '{unit}' (meta.metricInfo)");
            }
        }
        var expectedKeys = expected.Select(e => e.Row.Key).ToHashSet();
        var meta = rows.Where(r => r.Section == "meta").ToList();
        differences.AddRange(rows.Where(r => r.Section != "meta" && !expectedKeys.Contains(r.Key)).Select(r => $"{r.Key}: not in the overview ({r.Value})"));
        Assert.True(differences.Count == 0, $"{differences.Count} differences from the overview:\n" + string.Join("\n", differences));

        // The export itself: scope, timeframe, the period [periodStart, asOf), when and by whom.
        string Meta(string metric) => Assert.Single(meta, r => r.Metric == metric).Value;
        Assert.Equal(["asOf", "generatedAt", "generatedBy", "periodStart", "scope", "timeframe"], meta.Select(r => r.Metric).Order(StringComparer.Ordinal));
        Assert.All(meta, r => Assert.Equal(("", ""), (r.Item, r.Timestamp)));
        Assert.Equal(ExportsBoard.Workspace, Meta("scope"));
        Assert.Equal(ExportsBoard.Timeframe, Meta("timeframe"));
        Assert.Null(ExportCsvRows.Mismatch(overview["period"]!["start"], Meta("periodStart")));
        Assert.Null(ExportCsvRows.Mismatch(overview["period"]!["end"], Meta("asOf")));
        Assert.True(ExportCsvRows.IsTime(Meta("generatedAt"), out var generatedAt) && generatedAt >= board.AsOfTime, Meta("generatedAt"));
        Assert.Equal("Dana Export", Meta("generatedBy"));

        // The cases the file exists to get right, named one by one: escaped text, negative numbers left alone.
        string Value(string section, string item, string metric) =>
            Assert.Single(rows, r => r.Section == section && r.Item == item && r.Metric == metric).Value;
        Assert.Equal("'" + ExportsBoard.HyperlinkAgent, Value("topAgents", "ag_hyper", "name"));
        Assert.Equal(ExportsBoard.Workspace, Value("topAgents", "ag_hyper", "workspaceId"));
        Assert.Equal("'" + ExportsBoard.SumUser, Value("topUsers", "u_sum", "name"));
        Assert.Equal("'" + ExportsBoard.MinusUser, Value("topUsers", "u_minus", "name"));
        // 23 runs against 30: (23 − 30) / 30 × 100 = −23.33 %; MRR 150 against 200 at the period's start: −25 %.
        var runsChange = Value("executionMetrics", "", "totalRunsChange");
        Assert.StartsWith("-23.33", runsChange);
        Assert.Equal(-25m, decimal.Parse(Value("businessMetrics", "", "mrrChange"), CultureInfo.InvariantCulture));
        Assert.StartsWith("-", Value("executionMetrics", "", "successRateChange"));
    }
}
