using System.Net;
using System.Net.Http.Json;
using ExecutiveDashboard.TestSupport;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// Annotations on the real page, in Debian's headless Chromium with the real uPlot: each of the four trend charts shows a
/// flag per annotation of its range, inside its plotting area and in time order; a flag reached by the keyboard shows
/// its text; axe-core finds nothing serious, light, dark and on a phone. Screenshots are kept in TestResults/browser/.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AnnotationMarkersPageTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "page_ann";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);
    private static readonly SemaphoreSlim Ingested = new(1, 1);
    private static bool _ingested;

    [Theory]
    [InlineData("light", false, 1440, 1000)]
    [InlineData("dark", true, 1440, 1000)]
    [InlineData("phone-dark", true, 390, 844)]
    public async Task Every_trend_chart_flags_the_annotations_and_a_focused_flag_tells_its_text(string name, bool darkMode, int width, int height)
    {
        await IngestOnceAsync();
        await using var browser = await HeadlessBrowser.LaunchAsync(width, height, darkMode);
        var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
        await page.InstallProbeAsync();
        await page.OpenAsync("/?timeframe=7d");
        await page.SignInAsync("E2E Annotations CEO", Workspace);

        // Per chart: its name, and each flag's kind and whether its centre lies within the chart's canvas.
        var charts = await browser.Page.EvaluateExpressionAsync<ChartFlags[]>("""
            [...document.querySelectorAll('ul[aria-label$=" annotations"]')].map(list => {
              const canvas = list.parentElement.querySelector('canvas').getBoundingClientRect();
              return {
                chart: list.getAttribute('aria-label'),
                flags: [...list.querySelectorAll('button')].map(b =>
                  `${b.dataset.kind} ${document.getElementById(b.getAttribute('aria-describedby')).textContent}`),
                inside: [...list.querySelectorAll('button')].every(b => {
                  const r = b.getBoundingClientRect(), x = r.left + r.width / 2;
                  return x >= canvas.left && x <= canvas.right;
                }),
                ordered: [...list.querySelectorAll('li')].map(li => parseFloat(li.style.left)).every((x, i, all) => i === 0 || x > all[i - 1]),
              };
            })
            """);
        Assert.Equal(["Execution trend annotations", "User activity annotations", "Revenue (MRR) annotations", "Error rate annotations"],
            charts.Select(c => c.Chart));
        Assert.All(charts, c =>
        {
            // Other tests' platform-wide annotations may show too: this test's own are its three, in time order.
            Assert.Equal(["campaign", "incident", "deploy"], c.Flags.Where(f => Texts.Any(f.EndsWith)).Select(f => f.Split(' ')[0]));
            Assert.True(c.Inside && c.Ordered, $"{c.Chart}: a flag outside its canvas or out of time order");
        });

        // Keyboard: focus the error-rate chart's incident flag; its tooltip shows the text.
        await browser.Page.EvaluateExpressionAsync(
            "document.querySelector('ul[aria-label=\"Error rate annotations\"] button[data-kind=incident]').focus()");
        var tip = await browser.Page.EvaluateExpressionAsync<string>("""
            (() => { const b = document.querySelector('ul[aria-label="Error rate annotations"] button[data-kind=incident]');
                     const t = document.getElementById(b.getAttribute('aria-describedby'));
                     return t.hidden || t.getBoundingClientRect().width === 0 ? '' : t.innerText; })()
            """);
        Assert.Contains("Checkout provider outage: payments agents failing", tip);

        var findings = await AxeAudit.RunAsync(browser.Page);
        var screenshot = Path.Combine(RepositoryRoot.Path, "TestResults", "browser", $"annotations-{name}.png");
        await browser.Page.SaveScreenshotAsync(screenshot);
        output.WriteLine($"screenshot: {screenshot}");
        Assert.True(!findings.Any(f => f.IsSeriousOrWorse), $"axe-core found, in the {name} page:\n{string.Join("\n", findings)}");
        Assert.Empty(browser.ConsoleErrors);
    }

    public sealed record ChartFlags(string Chart, string[] Flags, bool Inside, bool Ordered);

    private static readonly string[] Texts =
    [
        "Winter campaign mail to every trial workspace",
        "Checkout provider outage: payments agents failing (upstream_unavailable)",
        "Platform release 7.0: faster agent start",
    ];

    /// <summary>A week of runs, users and a subscription, and three annotations (one of them platform-wide), once.</summary>
    private async Task IngestOnceAsync()
    {
        await Ingested.WaitAsync();
        try
        {
            if (_ingested)
            {
                return;
            }
            var ingest = await app.SignInAsync("ingest", "*");
            var now = DateTime.UtcNow;
            await PostAsync(ingest, "/api/users/events",
                SignedUp("pa-u1", Workspace, "u_pa1", Iso(now.AddDays(-6.5)), "Ada Marker"),
                SignedUp("pa-u2", Workspace, "u_pa2", Iso(now.AddDays(-3)), "Ben Flag"));
            await PostAsync(ingest, "/api/billing/events",
                SubscriptionStarted("pa-b1", Workspace, Iso(now.AddDays(-6)), "pro", "month", 99.00m));
            await PostAsync(ingest, "/api/executions/events", [.. Enumerable.Range(0, 28).Select(i =>
                Run($"pa-r{i}", Workspace, "ag_pa", "Payments Bot", i % 2 == 0 ? "u_pa1" : "u_pa2", succeeded: i is not (12 or 13 or 14),
                    Iso(now.AddHours(-6 * i - 1)), 20, 1.00m))]);
            foreach (var (at, scope, kind, text) in new[]
            {
                (now.AddDays(-5), Workspace, "campaign", Texts[0]),
                (now.AddHours(-80), Workspace, "incident", Texts[1]),
                (now.AddDays(-2), "all", "deploy", Texts[2]),
            })
            {
                using var response = await ingest.PostAsJsonAsync("/api/annotations", new { at, scope, kind, text });
                Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            }
            var ceo = await app.SignInAsync("ceo", Workspace);
            var (answer, _, visible) = await OverviewJson.ReadUntilAsync(ceo, Workspace, "7d", Iso(now.AddMinutes(1)),
                a => (int)a["executionMetrics"]!["totalRuns"]! == 28 && a["annotations"]!.AsArray().Count(n => Texts.Contains((string?)n!["text"])) == 3, Settle);
            Assert.True(visible, $"the overview did not show the test's data: {answer.ToJsonString()}");
            _ingested = true;
        }
        finally
        {
            Ingested.Release();
        }
    }
}
