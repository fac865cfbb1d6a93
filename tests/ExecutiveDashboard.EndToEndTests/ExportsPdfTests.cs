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

        var overview = await board.OverviewAsync(ceo);
        var answer = await ExportAnswer.GetAsync(ceo, board.Query("pdf"));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Equal("application/pdf", answer.ContentType);
        Assert.Equal($"attachment; filename=\"{board.FileName("pdf")}\"", answer.ContentDisposition);
        Assert.NotEqual(Guid.Empty, answer.AuditId);
        Assert.Equal(answer.BodySha256, answer.Sha256);
        Assert.Equal("%PDF-"u8.ToArray(), answer.Body[..5]);

        using var pdf = PdfDocument.Open(answer.Body);
        var pages = pdf.GetPages().Select(p => (p.Number, Words: PdfContentWords.Of(p), Images: p.GetImages().Count())).ToList();
        output.WriteLine($"{pages.Count} pages, {answer.Body.Length} bytes; page 1: {string.Join(' ', pages[0].Words)}");
        Assert.All(pages, p => Assert.True(p.Images == 0, $"page {p.Number} holds {p.Images} images"));
        Assert.All(pages, p => Assert.True(PdfContentWords.HasRun(p.Words, $"Page {p.Number} of {pages.Count}"),
            $"page {p.Number} is not numbered 'Page {p.Number} of {pages.Count}'"));
        Assert.Equal("Dana Export", pdf.Information.Author);
        Assert.Contains(ExportsBoard.Workspace, pdf.Information.Title);
        Assert.NotNull(pdf.Information.CreationDate);

        var info = overview["meta"]!["metricInfo"]!.AsObject();
        var missing = new List<string>();
        void Expect(IReadOnlyList<string> words, string where, string what, params string[] run)
        {
            if (!PdfContentWords.HasRun(words, run))
            {
                missing.Add($"{where}: {what} as '{string.Join(" | ", run)}'");
            }
        }

        // Page 1: every KPI of the four sections, its label, then its value and change as the page writes them.
        foreach (var section in ExportCsvRows.KpiSections)
        {
            var metrics = overview[section]!.AsObject();
            foreach (var (metric, value) in metrics.Where(m => info.ContainsKey(m.Key)))
            {
                var unit = info[metric]!["unit"]!.GetValue<string>();
                string[] run = [Labels[metric], MetricFormat.Value(Number(value), unit)];
                if (info[metric]!["changeUnit"]?.GetValue<string>() is { } changeUnit)
                {
                    run = [.. run, MetricFormat.Change(Number(metrics[ExportCsvRows.ChangeOf(metric)]), changeUnit)];
                }
                Expect(pages[0].Words, "page 1", $"{section}.{metric}", run);
            }
        }

        // The tables, each row's cells one after the other; a workspace's file has no workspace column.
        var all = pages.SelectMany(p => p.Words).ToList();
        Expect(all, "top agents", "header", "AGENT RUNS SUCCESS AVG RUNTIME");
        ExpectRankings(overview, platform: false, (what, run) => Expect(all, "tables", what, run));
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

    /// <summary>At the platform scope two workspaces' agents (or users) can share an id and a name: each row of the file
    /// names its workspace right after the name, as the overview does, and this board's agents are among them.</summary>
    [Fact]
    public async Task The_platform_pdf_names_the_workspace_of_each_top_agent_and_user()
    {
        var board = await ExportsBoard.PreparedAsync(app);
        var ceo = await app.SignInAsync("ceo", "*", "Dana Export");

        var overview = await board.OverviewAsync(ceo, "all");
        var answer = await ExportAnswer.GetAsync(ceo, board.Query("pdf", "all"));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        using var pdf = PdfDocument.Open(answer.Body);
        var all = pdf.GetPages().SelectMany(PdfContentWords.Of).ToList();
        var missing = new List<string>();
        void Expect(string what, params string[] run)
        {
            if (!PdfContentWords.HasRun(all, run))
            {
                missing.Add($"{what} as '{string.Join(" | ", run)}'");
            }
        }
        Expect("the top agents' header", "AGENT WORKSPACE RUNS SUCCESS AVG RUNTIME");
        Expect("the top users' header", "USER WORKSPACE RUNS CREDITS LAST ACTIVE");
        ExpectRankings(overview, platform: true, Expect);
        Assert.True(missing.Count == 0, $"{missing.Count} values not found in the platform's PDF:\n{string.Join("\n", missing)}\n\nwords:\n{string.Join(' ', all)}");
        Assert.Contains(overview["agentMetrics"]!["topAgents"]!.AsArray(), a => (string?)a!["workspaceId"] == ExportsBoard.Workspace);
    }

    /// <summary>Each top agent's and top user's row as the file draws it: the name, at the platform scope the workspace,
    /// then the numbers.</summary>
    private static void ExpectRankings(JsonObject overview, bool platform, Action<string, string[]> expect)
    {
        string[] Named(JsonNode row) => platform
            ? [(string?)row["name"] ?? (string)row["id"]!, (string)row["workspaceId"]!]
            : [(string?)row["name"] ?? (string)row["id"]!];
        foreach (var agent in overview["agentMetrics"]!["topAgents"]!.AsArray())
        {
            expect($"top agent {agent!["id"]} of {agent["workspaceId"]}", [.. Named(agent), MetricFormat.Count(Number(agent["runs"])),
                MetricFormat.Percent(Number(agent["successRate"])), MetricFormat.Seconds(Number(agent["avgRuntime"]))]);
        }
        foreach (var user in overview["topUsers"]!.AsArray())
        {
            expect($"top user {user!["id"]} of {user["workspaceId"]}", [.. Named(user), MetricFormat.Count(Number(user["runs"])),
                MetricFormat.Count(Number(user["creditsUsed"])), Minute(user["lastActiveAt"])]);
        }
    }

    /// <summary>Each KPI's label as the page shows it (web/src/lib/cards.ts): a card's title or a line of a card.</summary>
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["dau"] = "Daily active users", ["wau"] = "WAU", ["mau"] = "MAU",
        ["newUsers"] = "New users", ["churnedUsers"] = "Churned users", ["activeRate"] = "Active rate",
        ["totalRuns"] = "Total executions", ["successfulRuns"] = "Successful", ["failedRuns"] = "Failed",
        ["successRate"] = "Success rate", ["avgRuntime"] = "Average", ["p95Runtime"] = "p95 runtime", ["totalCreditsUsed"] = "Credits used",
        ["totalAgents"] = "Total agents", ["activeAgents"] = "Active agents",
        ["mrr"] = "MRR", ["arr"] = "ARR", ["ltv"] = "LTV", ["cac"] = "CAC", ["ltvCacRatio"] = "LTV : CAC",
        ["activeWorkspaces"] = "Active workspaces", ["paidWorkspaces"] = "Paid", ["trialWorkspaces"] = "Trial", ["churnRate"] = "Churn rate",
    };

    private static double? Number(JsonNode? value) => value?.GetValue<double>();

    /// <summary>A time as the file prints it: UTC to the minute, e.g. "2026-11-30 11:45 UTC"; "n/a" for none.</summary>
    private static string Minute(JsonNode? value) => value is null ? MetricFormat.NotAvailable
        : DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
