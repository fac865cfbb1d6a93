using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// Runs ingested from inside an open page arrive without a reload, timed on the browser's clock by the page
/// benchmark's probe (<see cref="LiveProbe"/>): from the <c>202</c> to the run's feed line and to the card's new value,
/// and from the <c>metrics_update</c> frame to that value. The times are printed, never asserted (a shared machine's
/// wall clock says nothing about the code); what is asserted is that each run reaches the feed and the card, and that
/// a frame naming the card's section came before each new value.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class LiveTimingsTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "live_timings";
    private const int Runs = 3;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Runs_ingested_while_the_page_is_open_reach_the_feed_and_the_card_after_a_metrics_update()
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var token = ingest.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
        var probe = new LiveProbe(browser.Page);
        await page.InstallProbeAsync();
        await probe.InstallAsync();
        await page.OpenAsync("/?timeframe=24h");
        await page.SignInAsync("E2E Timing CEO", Workspace);
        await page.WaitUntilLiveAsync(Settle);

        for (var i = 1; i <= Runs; i++)
        {
            // Frames of one subscription are coalesced within 250 ms: runs further apart get a frame each.
            await Task.Delay(600);
            var run = Run($"timing-r{i}", Workspace, "ag_timing", "Timing Bot", $"u_timing{i}", true, Iso(DateTime.UtcNow), 2, 1.00m);
            var t = await probe.IngestAsync(token, new JsonArray(run).ToJsonString(), $"Timing Bot finished a run for u_timing{i} in 2 s", cardPatience: Settle);
            output.WriteLine($"run {i}: 202 → feed line {t.AcceptedToFeed:F0} ms, 202 → card {t.AcceptedToCard:F0} ms, metrics_update → card {t.FrameToCard:F0} ms");
            Assert.NotNull(t.AcceptedToCard);
            Assert.NotNull(t.FrameToCard);
            Assert.Equal($"{i}", await page.CardValueAsync(LiveProbe.Card));
        }
        Assert.Empty(browser.ConsoleErrors);
    }
}
