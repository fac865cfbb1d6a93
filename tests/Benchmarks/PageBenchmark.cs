using System.Text.Json;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// Page load in a real browser: Debian's headless Chromium opens the gateway's page, signs in, then loads
/// it <paramref name="samples"/> times with the browser cache off (a first visit) and as many times with it on (a
/// return visit). Prints, in ms from navigation: every card and chart drawn; the overview's answer; and the charts'
/// render, from the overview's answer to the last chart drawn. Writes a screenshot. Asserts nothing.
/// </summary>
public sealed class PageBenchmark(Uri gateway, int samples, string timeframe, string screenshot)
{
    // The overview request's Resource Timing, and the two probes of DashboardPage.
    private const string Timings = """
        (() => {
          const overview = performance.getEntriesByType('resource').filter(e => e.name.includes('/api/executive/overview')).at(-1);
          const js = performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'));
          const charts = performance.getEntriesByType('resource').find(e => e.name.includes('/assets/ChartsSection'));
          return { drawn: window.__dashboardDrawnAt, overviewEnd: overview?.responseEnd ?? null,
                   chartsChunkEnd: charts?.responseEnd ?? null, chartsMounted: window.__chartsMountedAt ?? null,
                   jsBytes: js.reduce((n, e) => n + e.transferSize, 0) };
        })()
        """;

    public async Task RunAsync()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync();
        Console.WriteLine($"page load: {gateway} timeframe {timeframe}, {samples} loads without and {samples} with the browser cache ({await browser.Page.Browser.GetVersionAsync()})");
        var page = new DashboardPage(browser.Page, gateway);
        await page.InstallProbeAsync();
        await page.OpenAsync();
        await page.SignInAsync("Benchmark CEO");

        foreach (var cached in new[] { false, true })
        {
            await browser.Page.SetCacheEnabledAsync(cached);
            var drawn = new List<double>();
            var charts = new List<double>();
            var overview = new List<double>();
            var chunk = new List<double>();
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
                chunk.Add(t.ChartsChunkEnd ?? double.NaN);
                mounted.Add(t.ChartsMounted ?? double.NaN);
                jsBytes = Math.Max(jsBytes, t.JsBytes);
            }
            Console.WriteLine($"  {(cached ? "return visit (cache on) " : "first visit (cache off) ")}: drawn p50 {P(drawn, 50):F0} p95 {P(drawn, 95):F0} ms · " +
                              $"overview answered p50 {P(overview, 50):F0} ms · charts chunk loaded p50 {P(chunk, 50):F0} ms · charts mounted p50 {P(mounted, 50):F0} ms · " +
                              $"overview → charts drawn p50 {P(charts, 50):F0} p95 {P(charts, 95):F0} ms · JS transferred {jsBytes / 1024.0:F0} KB");
        }

        // What each trend showed, so that a fast figure cannot come from charts that drew nothing.
        var shown = await browser.Page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('section[aria-label=\"Trends\"] figure')].map(f => f.querySelector('canvas') ? 'canvas' : f.textContent.includes('No data') ? 'no data' : 'not drawn')");
        Console.WriteLine($"  charts: {JsonSerializer.Serialize(shown)}");
        await browser.Page.SaveScreenshotAsync(screenshot);
        Console.WriteLine($"  screenshot: {Path.GetFullPath(screenshot)}");
    }

    private static double P(List<double> values, double percentile) => Percentile.Of(values, percentile);
}
