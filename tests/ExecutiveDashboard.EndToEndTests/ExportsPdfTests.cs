using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The PDF export through the gateway, against the whole running system: PdfPig reads back from the file of
/// <see cref="ExportsBoard"/> every KPI (value and change) and every table value of the overview the gateway answers at
/// the same asOf, formatted as the page formats them (<see cref="MetricFormat"/>, the page's formats); no page holds an
/// image (the charts are vector paths and text), and every page is numbered "Page n of N".
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ExportsPdfTests(DashboardApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_pdf_shows_every_kpi_and_table_value_of_the_overview_at_the_same_asOf()
    {
        var board = await ExportsBoard.PreparedAsync(app);
        var ceo = await app.SignInAsync("ceo", ExportsBoard.Workspace, "Dana Export");

        var answer = await ExportAnswer.GetAsync(ceo, board.Query("pdf"));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("application/pdf", answer.ContentType);
        Assert.Equal($"attachment; filename=\"{board.FileName("pdf")}\"", answer.ContentDisposition);
        _ = answer.AuditId;
        Assert.Equal(answer.BodySha256, answer.Sha256);
        Assert.Equal("%PDF-"u8.ToArray(), answer.Body[..5]);

        using var pdf = PdfDocument.Open(answer.Body);
        var pages = pdf.GetPages().Select(p => (p.Number, Words: p.GetWords().Select(w => w.Text).ToList(), Images: p.GetImages().Count())).ToList();
        output.WriteLine($"{pages.Count} pages, {answer.Body.Length} bytes; page 1: {string.Join(' ', pages[0].Words)}");
        Assert.All(pages, p => Assert.True(p.Images == 0, $"page {p.Number} holds {p.Images} images"));
        Assert.All(pages, p => Assert.True(Shows(p.Words, $"Page {p.Number} of {pages.Count}"), $"page {p.Number} is not numbered 'Page {p.Number} of {pages.Count}'"));
        Assert.Equal("Dana Export", pdf.Information.Author);
        Assert.Contains(ExportsBoard.Workspace, pdf.Information.Title);
        Assert.NotNull(pdf.Information.CreationDate);

        var overview = board.Overview;
        var info = overview["meta"]!["metricInfo"]!.AsObject();
        var missing = new List<string>();
        void Expect(IReadOnlyList<string> words, string where, string what, params string[] cells)
        {
            if (!Shows(words, cells))
            {
                missing.Add($"{where}: {what} as '{string.Join(" | ", cells)}'");
            }
        }

        // Page 1: every KPI of the four sections with its change, as the page writes them.
        foreach (var section in ExportCsvRows.KpiSections)
        {
            var metrics = overview[section]!.AsObject();
            foreach (var (metric, value) in metrics.Where(m => info.ContainsKey(m.Key)))
            {
                var unit = info[metric]!["unit"]!.GetValue<string>();
                Expect(pages[0].Words, "page 1", $"{section}.{metric}", MetricFormat.Value(Number(value), unit));
                if (info[metric]!["changeUnit"]?.GetValue<string>() is { } changeUnit)
                {
                    var change = ChangeOf(metric);
                    Expect(pages[0].Words, "page 1", $"{section}.{change}", MetricFormat.Change(Number(metrics[change]), changeUnit));
                }
            }
        }

        // The tables, each row's cells in order (a cell that wraps continues a few words later).
        var all = pages.SelectMany(p => p.Words).ToList();
        foreach (var agent in overview["agentMetrics"]!["topAgents"]!.AsArray())
        {
            Expect(all, "top agents", (string)agent!["id"]!, (string?)agent["name"] ?? (string)agent["id"]!, MetricFormat.Count(Number(agent["runs"])),
                MetricFormat.Percent(Number(agent["successRate"])), MetricFormat.Seconds(Number(agent["avgRuntime"])));
        }
        foreach (var user in overview["topUsers"]!.AsArray())
        {
            Expect(all, "top users", (string)user!["id"]!, (string?)user["name"] ?? (string)user["id"]!, MetricFormat.Count(Number(user["runs"])),
                MetricFormat.Count(Number(user["creditsUsed"])), Minute(user["lastActiveAt"]));
        }
        foreach (var alert in overview["activeAlerts"]!.AsArray())
        {
            Expect(all, "active alerts", (string)alert!["id"]!, (string)alert["severity"]!, (string)alert["type"]!, (string)alert["message"]!,
                Minute(alert["triggeredAt"]));
        }
        Assert.True(missing.Count == 0, $"{missing.Count} values not found in the PDF:\n{string.Join("\n", missing)}\n\nwords:\n"
            + string.Join("\n", pages.Select(p => $"page {p.Number}: {string.Join(' ', p.Words)}")));
        Assert.Contains(ExportsBoard.HyperlinkAgent, all);
        Assert.Contains(ExportsBoard.SumUser, all);
    }

    /// <summary>The change field of a KPI: its key + "Change", except the credits' (docs/metrics.md).</summary>
    private static string ChangeOf(string metric) => metric == "totalCreditsUsed" ? "creditsChange" : metric + "Change";

    private static double? Number(JsonNode? value) => value?.GetValue<double>();

    /// <summary>A time as the file prints it: UTC to the minute, e.g. "2026-11-30 11:45 UTC"; "n/a" for none.</summary>
    private static string Minute(JsonNode? value) => value is null ? MetricFormat.NotAvailable
        : DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Whether the words of <paramref name="cells"/> appear in this order, the first at some word and the others
    /// within a few words of it: a table cell that wraps goes on after its neighbours' first lines.</summary>
    private static bool Shows(IReadOnlyList<string> words, params string[] cells)
    {
        var wanted = cells.SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var window = wanted.Count * 3 + 8;
        for (var start = 0; start < words.Count; start++)
        {
            if (words[start] != wanted[0])
            {
                continue;
            }
            var (at, next) = (start + 1, 1);
            while (next < wanted.Count && at < Math.Min(words.Count, start + window))
            {
                if (words[at++] == wanted[next])
                {
                    next++;
                }
            }
            if (next == wanted.Count)
            {
                return true;
            }
        }
        return false;
    }
}
