using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.TestSupport;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// A reader's time zone and week start through the whole app: the gateway passes <c>tz</c> and <c>weekStart</c> to every
/// service and keeps each setting's answer apart in its cache, the exports read the overview in them and print their times
/// in them, and the page reads, labels and exports in the person's saved setting. Screenshots (light, dark, phone) are
/// kept in TestResults/browser/.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ReaderTimeZoneTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "tz_e2e";
    private const string Kolkata = "tz=Asia%2FKolkata&weekStart=sunday";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_overview_and_its_exports_follow_the_readers_zone_and_keep_apart_in_the_cache()
    {
        var now = DateTime.UtcNow;
        var asOf = Iso(now);
        var random = new Random(530);
        var ingest = await app.SignInAsync("ingest", "*");
        var runs = Enumerable.Range(0, 120).Select(i => (JsonNode)Run($"tz-{i}", Workspace, "ag_tz", "Zone Bot", $"u_{i % 7}", i % 5 != 0,
            Iso(now.AddMinutes(-random.Next(10, 29 * 24 * 60))), 5, 1m)).ToArray();
        using (var accepted = await ingest.PostAsync("/api/executions/events", new StringContent(new JsonArray(runs).ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        var ceo = await app.SignInAsync("ceo", Workspace);
        var zoned = await SettledAsync(ceo, $"/api/executive/overview?workspace_id={Workspace}&timeframe=30d&asOf={asOf}&{Kolkata}", 120);

        var buckets = ExpectedPeriods.LocalTrendBuckets("30d", zoned.Period.Start, zoned.Period.End, "Asia/Kolkata", DayOfWeek.Sunday);
        Assert.Equal(buckets.Select(b => b.Start), zoned.Trends.Execution.Select(p => p.Timestamp));
        Assert.Equal(buckets.Select(b => b.Start), zoned.Trends.Users.Select(p => p.Timestamp));
        Assert.Equal(buckets.Select(b => b.Start), zoned.Trends.Revenue.Select(p => p.Timestamp));
        Assert.Equal(buckets.Select(b => b.Start), zoned.Trends.Errors.Select(p => p.Timestamp));
        Assert.Equal(120, zoned.Trends.Execution.Sum(p => p.Value));
        Assert.All(zoned.Trends.Execution.Skip(1), p => Assert.Equal(18 * 60 + 30, p.Timestamp.Hour * 60 + p.Timestamp.Minute));   // 00:00 IST

        // The same read again comes from the cache; the read without a zone at the same asOf is another entry.
        // (The answer is written to the cache after it is sent: a read right after may still miss.)
        var again = zoned;
        for (var read = 0; read < 50 && !again.Meta.Cached; read++, await Task.Delay(100))
        {
            again = (await ceo.GetFromJsonAsync<ExecutiveDashboardData>($"/api/executive/overview?workspace_id={Workspace}&timeframe=30d&asOf={asOf}&{Kolkata}"))!;
        }
        Assert.True(again.Meta.Cached);
        Assert.Equal(zoned.Trends.Execution, again.Trends.Execution);
        var utc = await SettledAsync(ceo, $"/api/executive/overview?workspace_id={Workspace}&timeframe=30d&asOf={asOf}", 120);
        Assert.Equal(ExpectedPeriods.TrendBuckets("30d", utc.Period.Start, utc.Period.End).Select(b => b.Start), utc.Trends.Execution.Select(p => p.Timestamp));
        var newYork = await SettledAsync(ceo, $"/api/executive/overview?workspace_id={Workspace}&timeframe=30d&asOf={asOf}&tz=America%2FNew_York", 120);
        Assert.NotEqual(zoned.Trends.Execution[1].Timestamp, newYork.Trends.Execution[1].Timestamp);

        // The CSV reads the overview in the zone: its trend rows are the zoned buckets, each time with the zone's offset.
        using var csv = await ceo.GetAsync($"/api/exports/dashboard?workspace_id={Workspace}&timeframe=30d&format=csv&asOf={asOf}&{Kolkata}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("meta,,timeZone,,Asia/Kolkata,", lines);
        Assert.Contains("meta,,weekStart,,sunday,", lines);
        var trendTimes = lines.Where(l => l.StartsWith("trends.execution,,value,", StringComparison.Ordinal)).Select(l => l.Split(',')[3]).ToList();
        Assert.Equal(buckets.Count, trendTimes.Count);
        Assert.All(trendTimes.Skip(1), t => Assert.EndsWith("T00:00:00+05:30", t));

        using var refused = await ceo.GetAsync($"/api/exports/dashboard?workspace_id={Workspace}&timeframe=30d&format=pdf&tz=Mars%2FOlympus");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"tz\"", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_reads_labels_and_keeps_the_persons_zone()
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var now = DateTime.UtcNow;
        using (var accepted = await ingest.PostAsync("/api/executions/events", new StringContent(new JsonArray(
            Enumerable.Range(0, 40).Select(i => (JsonNode)Run($"tzp-{i}", "tz_page", "ag_tzp", "Page Bot", $"u_{i % 5}", i % 6 != 0,
                Iso(now.AddHours(-3 * i - 1)), 7, 1m)).ToArray()).ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        string session;
        await using (var browser = await HeadlessBrowser.LaunchAsync())
        {
            var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
            await page.InstallProbeAsync();
            await page.OpenAsync();
            await page.SignInAsync("E2E Zone CEO", "tz_page");
            await page.WaitUntilDrawnAsync();
            // Chromium lists India's zone by its older tzdb name, which the services' tzdb also knows.
            await browser.Page.SelectAsync("select[name=timeZone]", "Asia/Calcutta");
            await browser.Page.WaitForFunctionAsync("() => document.body.innerText.includes('GMT+5:30')", new PuppeteerSharp.WaitForFunctionOptions { Timeout = (int)Settle.TotalMilliseconds });
            await browser.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('[role=status]')].some(s => s.textContent === 'Saved')", new PuppeteerSharp.WaitForFunctionOptions { Timeout = (int)Settle.TotalMilliseconds });
            session = await page.SessionAsync();
            // Reloaded, so that the screenshot shows the numbers read in the zone, not those of the browser's zone
            // kept on screen while they load.
            await page.ResumeAsync(session);
            await page.WaitUntilDrawnAsync();
            await browser.Page.WaitForFunctionAsync("() => document.body.innerText.includes('GMT+5:30')", new PuppeteerSharp.WaitForFunctionOptions { Timeout = (int)Settle.TotalMilliseconds });
            await SaveAsync(browser, "zone-light.png");
            Assert.Empty(browser.ConsoleErrors);
        }

        // Another browser of the same person: the saved zone, without choosing it again.
        foreach (var (dark, width, name) in new[] { (true, 1440, "zone-dark.png"), (false, 390, "zone-phone.png") })
        {
            await using var browser = await HeadlessBrowser.LaunchAsync(width: width, height: 1400, darkMode: dark);
            var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
            await page.InstallProbeAsync();
            await page.OpenAsync();
            await page.ResumeAsync(session);
            await page.WaitUntilDrawnAsync();
            await browser.Page.WaitForFunctionAsync("() => document.body.innerText.includes('GMT+5:30')", new PuppeteerSharp.WaitForFunctionOptions { Timeout = (int)Settle.TotalMilliseconds });
            Assert.Equal("Asia/Calcutta", await browser.Page.EvaluateExpressionAsync<string>("document.querySelector('select[name=timeZone]').value"));
            await SaveAsync(browser, name);
        }
    }

    private async Task SaveAsync(HeadlessBrowser browser, string name)
    {
        var path = Path.Combine(RepositoryRoot.Path, "TestResults", "browser", name);
        await browser.Page.SaveScreenshotAsync(path);
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>The overview once it holds every run and no section is catching up or degraded.</summary>
    private static async Task<ExecutiveDashboardData> SettledAsync(HttpClient ceo, string url, int runs)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = (await ceo.GetFromJsonAsync<ExecutiveDashboardData>(url))!;
            if (answer.ExecutionMetrics.TotalRuns == runs && answer.Meta.CatchingUp.Count == 0 && answer.Meta.Degraded.Count == 0)
            {
                return answer;
            }
            Assert.True(clock.Elapsed < Settle, $"the overview did not settle: {answer.ExecutionMetrics.TotalRuns} runs, degraded {string.Join(',', answer.Meta.Degraded)}");
            await Task.Delay(200);
        }
    }
}
