using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The web page, served by the gateway of the whole app model, in Debian's headless Chromium: a person signs in with the
/// development form, sees the numbers of runs this test ingested, switches the timeframe, and watches a run ingested
/// while the page is open arrive without a reload. A screenshot of the page is kept in TestResults/browser/.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class WebPageTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "web_page";
    private const string TotalExecutions = "Total executions";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_signed_in_ceo_sees_the_ingested_runs_per_timeframe_and_a_new_run_arrives_live()
    {
        // Four runs at growing ages: 1 in the last 24 h, 2 in 7 days, 3 in 30 days, 4 in 90 days.
        var ingest = await app.SignInAsync("ingest", "*");
        var now = DateTime.UtcNow;
        await PostAsync(ingest, "/api/executions/events",
            Run("web-r1", Workspace, "ag_web", "Web Bot", "u_web1", true, Iso(now.AddHours(-2)), 12, 1.00m),
            Run("web-r2", Workspace, "ag_web", "Web Bot", "u_web2", false, Iso(now.AddDays(-3)), 20, 1.00m),
            Run("web-r3", Workspace, "ag_web", "Web Bot", "u_web1", true, Iso(now.AddDays(-20)), 30, 1.00m),
            Run("web-r4", Workspace, "ag_web", "Web Bot", "u_web3", true, Iso(now.AddDays(-60)), 40, 1.00m));
        await RunsVisibleAsync(4);

        // The app model runs in Development without an OIDC authority: the page offers the development form.
        var signIn = await app.Gateway.GetFromJsonAsync<JsonObject>("/api/auth/config");
        Assert.Equal("development", (string?)signIn!["mode"]);

        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
        await page.InstallProbeAsync();
        await page.OpenAsync();
        await page.SignInAsync("E2E Web CEO", Workspace);
        var url = await browser.Page.EvaluateExpressionAsync<string>("location.href");
        Assert.DoesNotContain("token", url, StringComparison.OrdinalIgnoreCase);

        // The default timeframe is 7 days; each choice lands in the URL, so a link shares it.
        await page.WaitForCardAsync(TotalExecutions, "2");
        foreach (var (label, runs) in new[] { ("24h", "1"), ("30d", "3"), ("90d", "4"), ("7d", "2") })
        {
            await page.ChooseTimeframeAsync(label);
            await page.WaitForCardAsync(TotalExecutions, runs);
            Assert.Contains($"timeframe={label}", await browser.Page.EvaluateExpressionAsync<string>("location.search"));
        }
        Assert.Equal("50.0%", await page.CardValueAsync("Success rate"));

        // The live socket: a run ingested now shows in the feed and in the numbers, without a reload.
        await page.WaitUntilLiveAsync(Settle);
        var clock = Stopwatch.StartNew();
        await PostAsync(ingest, "/api/executions/events",
            Run("web-r5", Workspace, "ag_web", "Web Bot", "u_web2", true, Iso(DateTime.UtcNow), 3, 1.00m));
        await page.WaitForFeedLineAsync("Web Bot finished a run for u_web2 in 3 s (1 credit)", Settle);
        output.WriteLine($"the run was in the live feed {clock.ElapsedMilliseconds} ms after its 202");
        await page.WaitForCardAsync(TotalExecutions, "3", Settle);
        output.WriteLine($"the run was in the numbers {clock.ElapsedMilliseconds} ms after its 202");
        Assert.Equal(0, await browser.Page.EvaluateExpressionAsync<int>("performance.getEntriesByType('navigation').length - 1"));

        var screenshot = Path.Combine(RepositoryRoot.Path, "TestResults", "browser", "dashboard.png");
        await browser.Page.SaveScreenshotAsync(screenshot);
        output.WriteLine($"screenshot: {screenshot}");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task A_customised_card_layout_survives_a_reload_and_follows_its_owner_to_another_browser_but_not_their_name()
    {
        const string person = "E2E Layout CEO";
        string[] customised = ["Daily active users", "Total executions", "Success rate", "MRR", "Active workspaces", "Churn rate", "LTV : CAC", "p95 runtime", "New users", "Active agents"];
        string session;
        await using (var browser = await HeadlessBrowser.LaunchAsync())
        {
            var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
            await page.InstallProbeAsync();
            await page.OpenAsync();
            await page.SignInAsync(person, Workspace);
            Assert.Equal(DefaultCards, await page.CardTitlesAsync());
            // 1440 px wide: four columns, and eleven cards in rows of 4, 4 and 3, none alone on its row.
            Assert.Equal(new[] { 4, 4, 3 }, await browser.Page.EvaluateExpressionAsync<int[]>(CardsPerRow));

            // Hide "Credits used", move MRR before "Active workspaces"; the panel saves to the account.
            await page.ClickButtonAsync("Customize");
            await page.ToggleCardAsync("Credits used");
            await page.ClickButtonAsync("Move MRR up");
            await browser.Page.WaitForAsync("[...document.querySelectorAll('[role=status]')].some(s => s.textContent.includes('Saved to your account.'))", Settle);
            await page.ClickButtonAsync("Done");
            await page.WaitForCardTitlesAsync(customised);
            Assert.Equal(new[] { 4, 3, 3 }, await browser.Page.EvaluateExpressionAsync<int[]>(CardsPerRow));

            await browser.Page.ReloadAsync();
            await page.WaitUntilDrawnAsync();
            await page.WaitForCardTitlesAsync(customised);
            Assert.Empty(browser.ConsoleErrors);
            session = await page.SessionAsync();
        }

        // Another browser (a fresh profile: nothing stored locally). Someone who types the same name is someone else
        // (every dev token has a subject of its own): the default cards. The same person's sign-in: the same cards.
        await using (var other = await HeadlessBrowser.LaunchAsync(width: 390, height: 844))
        {
            var page = new DashboardPage(other.Page, app.Gateway.BaseAddress!);
            await page.InstallProbeAsync();
            await page.OpenAsync();
            await page.SignInAsync(person, Workspace);
            // The grid shows the default order until the account's layout arrives: read it once that answer is drawn.
            await other.Page.WaitForAsync("performance.getEntriesByType('resource').some(e => e.name.endsWith('/api/users/me/layout') && e.responseEnd > 0)", Settle);
            await other.Page.EvaluateExpressionAsync("new Promise(drawn => requestAnimationFrame(() => setTimeout(drawn, 50)))");
            Assert.Equal(DefaultCards, await page.CardTitlesAsync());

            await page.ResumeAsync(session);
            await page.WaitForCardTitlesAsync(customised);

            // A phone's width: one column of cards.
            Assert.Equal(1, await other.Page.EvaluateExpressionAsync<int>(
                "new Set([...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => a.getBoundingClientRect().left)).size"));
        }
    }

    private static readonly string[] DefaultCards =
        ["Daily active users", "Total executions", "Success rate", "Credits used", "Active workspaces", "MRR", "Churn rate", "LTV : CAC", "p95 runtime", "New users", "Active agents"];

    /// <summary>How many cards each row of the grid holds, top to bottom, as the browser laid them out.</summary>
    private const string CardsPerRow = """
        Object.values([...document.querySelectorAll('section[aria-label="Key metrics"] article')]
          .reduce((rows, a) => { const top = Math.round(a.getBoundingClientRect().top); rows[top] = (rows[top] ?? 0) + 1; return rows; }, {}))
        """;

    private async Task RunsVisibleAsync(int runs)
    {
        var ceo = await app.SignInAsync("ceo", Workspace);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await ceo.GetFromJsonAsync<JsonObject>($"/api/executive/overview?workspace_id={Workspace}&timeframe=90d");
            if ((int)answer!["executionMetrics"]!["totalRuns"]! == runs)
            {
                return;
            }
            Assert.True(clock.Elapsed < Settle, $"the overview did not show {runs} runs: {answer.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
