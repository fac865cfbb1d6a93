using ExecutiveDashboard.TestSupport;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The dashboard with data, as the gateway of the whole app model serves it, audited by axe-core in Debian's headless
/// Chromium: no serious or critical accessibility finding (contrast, names, labels, roles) in the light or the dark
/// colour scheme, on a desktop or a phone. Screenshots of what was audited are kept in TestResults/browser/.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AccessibilityTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "accessibility";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);
    private static readonly SemaphoreSlim Ingested = new(1, 1);
    private static bool _ingested;

    [Theory]
    [InlineData("light", false, 1440, 1000)]
    [InlineData("dark", true, 1440, 1000)]
    [InlineData("phone-dark", true, 390, 844)]
    public async Task The_dashboard_with_data_has_no_serious_or_critical_accessibility_finding(string name, bool darkMode, int width, int height)
    {
        var ingest = await app.SignInAsync("ingest", "*");
        await IngestOnceAsync(ingest);
        await using var browser = await HeadlessBrowser.LaunchAsync(width, height, darkMode);
        var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
        await page.InstallProbeAsync();
        await page.OpenAsync("/?timeframe=30d");
        await page.SignInAsync("E2E Accessibility CEO", Workspace);

        // The live feed fills only with what arrives while the page is open: one run of this audit's own.
        await page.WaitUntilLiveAsync(Settle);
        await PostAsync(ingest, "/api/executions/events",
            Run($"a11y-live-{name}", Workspace, "ag_a11y_live", "Feed Bot", "u_a11y1", true, Iso(DateTime.UtcNow), 5, 1.00m));
        await page.WaitForFeedLineAsync("Feed Bot finished a run for u_a11y1", Settle);

        var findings = await AxeAudit.RunAsync(browser.Page);
        var screenshot = Path.Combine(RepositoryRoot.Path, "TestResults", "browser", $"accessibility-{name}.png");
        await browser.Page.SaveScreenshotAsync(screenshot);
        output.WriteLine($"screenshot: {screenshot}");
        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }

        Assert.True(!findings.Any(f => f.IsSeriousOrWorse),
            $"axe-core found, in the {name} page:\n{string.Join("\n", findings)}");
        Assert.Empty(browser.ConsoleErrors);
    }

    /// <summary>Runs, users and a subscription in the last 30 days, ingested once for the three audits.</summary>
    private async Task IngestOnceAsync(HttpClient ingest)
    {
        await Ingested.WaitAsync();
        try
        {
            if (_ingested)
            {
                return;
            }
            var now = DateTime.UtcNow;
            await PostAsync(ingest, "/api/users/events",
                SignedUp("a11y-u1", Workspace, "u_a11y1", Iso(now.AddDays(-25)), "Ada Access"),
                SignedUp("a11y-u2", Workspace, "u_a11y2", Iso(now.AddDays(-12)), "Ben Braille"));
            await PostAsync(ingest, "/api/billing/events",
                SubscriptionStarted("a11y-b1", Workspace, Iso(now.AddDays(-20)), "pro", "month", 49.00m));
            await PostAsync(ingest, "/api/executions/events",
                Run("a11y-r1", Workspace, "ag_a11y", "Access Bot", "u_a11y1", true, Iso(now.AddDays(-21)), 30, 2.00m),
                Run("a11y-r2", Workspace, "ag_a11y", "Access Bot", "u_a11y2", false, Iso(now.AddDays(-9)), 45, 1.50m),
                Run("a11y-r3", Workspace, "ag_a11y", "Access Bot", "u_a11y1", true, Iso(now.AddDays(-4)), 12, 1.00m),
                Run("a11y-r4", Workspace, "ag_a11y2", "Contrast Bot", "u_a11y2", true, Iso(now.AddDays(-1)), 20, 1.00m),
                Run("a11y-r5", Workspace, "ag_a11y", "Access Bot", "u_a11y1", true, Iso(now.AddHours(-2)), 8, 0.50m));
            var ceo = await app.SignInAsync("ceo", Workspace);
            var (answer, _, visible) = await OverviewJson.ReadUntilAsync(ceo, Workspace, "30d", Iso(now.AddMinutes(1)),
                a => (int)a["executionMetrics"]!["totalRuns"]! == 5 && (decimal?)a["businessMetrics"]?["mrr"] > 0, Settle);
            Assert.True(visible, $"the overview did not show the audit's data: {answer.ToJsonString()}");
            _ingested = true;
        }
        finally
        {
            Ingested.Release();
        }
    }
}
