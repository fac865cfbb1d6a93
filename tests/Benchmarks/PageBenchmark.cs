using System.Text;
using System.Text.Json;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// Page load in a real browser: Debian's headless Chromium opens the gateway's page, signs in, then loads
/// it <paramref name="samples"/> times with the browser cache off (a first visit) and as many times with it on (a
/// return visit). Prints, in ms from navigation: every card and chart drawn; the overview's answer; and the charts'
/// render, from the overview's answer to the last chart drawn. Then the live path (<see cref="LiveProbe"/>, every time on
/// the browser's clock): <paramref name="samples"/> runs ingested one at a time from inside the page, with the token
/// <paramref name="ingest"/>, each timed from its <c>202</c> to its line in the live feed and to the "Total executions"
/// card's new value, and from the <c>metrics_update</c> frame to that value. Writes a screenshot. Asserts nothing.
/// </summary>
public sealed class PageBenchmark(Uri gateway, string ingest, int samples, string timeframe, string screenshot)
{
    /// <summary>The live samples' runs: a workspace of the benchmark's own, so the seeded workspaces keep their numbers.
    /// The page shows the platform (scope all), so each sample's refetch reads the seeded runs, as a CEO's would.</summary>
    private const string LiveWorkspace = "bench_page_live";

    /// <summary>The page's default timeframe: a week of the seed is under a million runs, which the card shows to the
    /// unit ("77,812"), so one more run changes its text; from a million on it shows "1M" and would not.</summary>
    private const string LiveTimeframe = "7d";

    /// <summary>Frames of one subscription are coalesced within 250 ms (docs/realtime.md): samples further apart
    /// than that each get a frame of their own.</summary>
    private static readonly TimeSpan LiveSpacing = TimeSpan.FromMilliseconds(600);

    /// <summary>The seed's runs reach until midnight, so the platform's week gains runs as the clock moves and loses
    /// its oldest: now and then one leaves as a sample's run enters and the card keeps its text. Such a sample has no
    /// card time; it is not waited for longer than this.</summary>
    private static readonly TimeSpan CardPatience = TimeSpan.FromSeconds(5);

    // The overview request's Resource Timing, and the two probes of DashboardPage.
    private const string Timings = """
        (() => {
          const overview = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/executive/overview')).at(-1);
          const js = performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'));
          return { drawn: window.__dashboardDrawnAt, overviewEnd: overview?.responseEnd ?? null,
                   chartsMounted: window.__chartsMountedAt ?? null,
                   jsBytes: js.reduce((n, e) => n + e.transferSize, 0) };
        })()
        """;

    public async Task RunAsync()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        Console.WriteLine($"page load: {gateway} timeframe {timeframe}, {samples} loads without and {samples} with the browser cache ({await browser.Page.Browser.GetVersionAsync()})");
        var page = new DashboardPage(browser.Page, gateway);
        var live = new LiveProbe(browser.Page);
        await page.InstallProbeAsync();
        await live.InstallAsync();
        await page.OpenAsync();
        await page.SignInAsync("Benchmark CEO");

        foreach (var cached in new[] { false, true })
        {
            await browser.Page.SetCacheEnabledAsync(cached);
            var drawn = new List<double>();
            var charts = new List<double>();
            var overview = new List<double>();
            var mounted = new List<double>();
            long jsBytes = 0;
            for (var i = 0; i < samples; i++)
            {
                await page.OpenAsync($"/?timeframe={timeframe}");
                await page.WaitUntilDrawnAsync();
                var t = await browser.Page.EvaluateExpressionAsync<PageTimings>(Timings);
                drawn.Add(t.Drawn);
                overview.Add(t.OverviewEnd);
                charts.Add(t.Drawn - t.OverviewEnd);
                mounted.Add(t.ChartsMounted ?? double.NaN);
                jsBytes = Math.Max(jsBytes, t.JsBytes);
            }
            Console.WriteLine($"  {(cached ? "return visit (cache on) " : "first visit (cache off) ")}: drawn p50 {P(drawn, 50):F0} p95 {P(drawn, 95):F0} ms · " +
                              $"overview answered p50 {P(overview, 50):F0} ms · charts mounted p50 {P(mounted, 50):F0} ms · " +
                              $"overview → charts drawn p50 {P(charts, 50):F0} p95 {P(charts, 95):F0} ms · JS transferred {jsBytes / 1024.0:F0} KB");
        }

        await MeasureLiveAsync(browser, page, live);

        // What each trend showed, so that a fast figure cannot come from charts that drew nothing.
        var shown = await browser.Page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('section[aria-label=\"Trends\"] figure')].map(f => f.querySelector('canvas') ? 'canvas' : f.textContent.includes('No data') ? 'no data' : 'not drawn')");
        Console.WriteLine($"  charts: {JsonSerializer.Serialize(shown)}");
        await browser.Page.SaveScreenshotAsync(screenshot);
        Console.WriteLine($"  screenshot: {Path.GetFullPath(screenshot)}");
    }

    private async Task MeasureLiveAsync(HeadlessBrowser browser, DashboardPage page, LiveProbe live)
    {
        await browser.Page.SetCacheEnabledAsync(true);
        await page.OpenAsync($"/?scope=all&timeframe={LiveTimeframe}");
        await page.WaitUntilDrawnAsync();
        await page.WaitUntilLiveAsync(TimeSpan.FromSeconds(30));
        var toFeed = new List<double>();
        var toCard = new List<double>();
        var frameToCard = new List<double>();
        var run = $"{DateTime.UtcNow:yyyyMMddHHmmss}";
        for (var i = 0; i < samples; i++)
        {
            await Task.Delay(LiveSpacing);
            var user = $"u_page_probe_{i:D3}";
            var now = DateTime.UtcNow;
            var json = Encoding.UTF8.GetString(EventJson.Serialize(
                [new RunCompleted($"page-live-{run}-{i}", LiveWorkspace, $"run-page-live-{run}-{i}", "ag_page_probe", "Page Probe", user,
                    true, now.AddSeconds(-2), now, 1m, null)]));
            var t = await live.IngestAsync(ingest, json, $"Page Probe finished a run for {user} in ", CardPatience);
            toFeed.Add(t.AcceptedToFeed);
            if (t.AcceptedToCard is { } card && t.FrameToCard is { } frame)
            {
                toCard.Add(card);
                frameToCard.Add(frame);
            }
        }
        Console.WriteLine($"  live, scope all, timeframe {LiveTimeframe}, {samples} runs ≥ {LiveSpacing.TotalMilliseconds:F0} ms apart: " +
                          $"202 → feed line p50 {P(toFeed, 50):F0} p95 {P(toFeed, 95):F0} ms · 202 → card p50 {P(toCard, 50):F0} p95 {P(toCard, 95):F0} ms · " +
                          $"metrics_update → card p50 {P(frameToCard, 50):F0} p95 {P(frameToCard, 95):F0} ms" +
                          (toCard.Count < samples ? $" (the card's figures of {toCard.Count} runs: for the others the count did not move)" : ""));
    }

    private static double P(List<double> values, double percentile) => Percentile.Of(values, percentile);
}
