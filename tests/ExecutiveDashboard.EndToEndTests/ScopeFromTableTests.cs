using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// At the platform scope, a workspace named in a table switches the page to that workspace: a '*' CEO sees two
/// workspaces' agents and users in "Top agents" and "Top users", clicks one's workspace, and the URL's scope and the
/// cards follow. The workspaces' runs are many (the platform's top ten are the ten with most runs in the period, and
/// other tests of the app ingest up to about a thousand runs of one agent in the last day), so their agents and users are
/// listed whatever else the app holds.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ScopeFromTableTests(DashboardApp app)
{
    private const string First = "scope_table_a", Second = "scope_table_b";
    private const int FirstRuns = 1_500, SecondRuns = 1_200;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_workspace_clicked_in_top_agents_or_top_users_becomes_the_scope_and_the_cards_show_its_numbers()
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var now = DateTime.UtcNow;
        foreach (var (workspace, runs) in new[] { (First, FirstRuns), (Second, SecondRuns) })
        {
            // A run a second, ending a minute ago: all of them in the last 24 h and in the page's default week.
            var events = Enumerable.Range(0, runs).Select(i => Run($"{workspace}-r{i}", workspace, $"ag_{workspace}", $"Scope Bot {workspace}",
                $"u_{workspace}", true, Iso(now.AddMinutes(-1).AddSeconds(-i)), 5, 1.00m)).ToArray();
            foreach (var batch in events.Chunk(500))
            {
                await PostAsync(ingest, "/api/executions/events", batch);
            }
        }
        await RunsVisibleAsync(First, FirstRuns);
        await RunsVisibleAsync(Second, SecondRuns);

        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
        await page.InstallProbeAsync();
        await page.OpenAsync("/?scope=all&timeframe=24h");
        await page.SignInAsync("E2E Scope CEO");
        Assert.Equal("all", await page.ScopeAsync());

        await page.ShowWorkspaceAsync("Top agents", First);
        await page.WaitForCardAsync("Total executions", "1,500", Settle);
        Assert.Contains("timeframe=24h", await browser.Page.EvaluateExpressionAsync<string>("location.search"));

        // Back to the platform, as the back button goes (each scope is an entry of the history), then from Top users.
        await browser.Page.GoBackAsync();
        await browser.Page.WaitForAsync("new URLSearchParams(location.search).get('scope') === 'all'", Settle);
        await page.ShowWorkspaceAsync("Top users", Second);
        await page.WaitForCardAsync("Total executions", "1,200", Settle);
        Assert.Empty(browser.ConsoleErrors);
    }

    private async Task RunsVisibleAsync(string workspace, int runs)
    {
        var ceo = await app.SignInAsync("ceo", workspace);
        var (answer, _, visible) = await OverviewJson.ReadUntilAsync(ceo, workspace, "24h", Iso(DateTime.UtcNow),
            a => (int?)a["executionMetrics"]?["totalRuns"] == runs, Settle);
        Assert.True(visible, $"the overview of {workspace} did not show {runs} runs: {answer.ToJsonString()}");
    }
}
