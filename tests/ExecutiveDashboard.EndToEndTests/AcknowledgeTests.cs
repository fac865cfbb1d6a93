using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// Acknowledging an alert in the page: a real high-error-rate alert (20 runs in the last ten minutes, 6 failed: 30 %
/// above 25 %, as in <see cref="AlertsThroughGatewayTests"/>) is on two CEOs' pages of the same workspace; one
/// acknowledges it, and the other's page says who did without a reload (the gateway's <c>metrics_update</c> of
/// <c>activeAlerts</c> to the scope's viewers).
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AcknowledgeTests(DashboardApp app)
{
    private const string Workspace = "ack_page";
    private const string Rule = "high-error-rate";
    private const string First = "E2E Ack Dana", Second = "E2E Ack Sam";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_alert_acknowledged_in_one_browser_shows_who_acknowledged_it_in_another_without_a_reload()
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var now = DateTime.UtcNow;
        await PostAsync(ingest, "/api/executions/events", Enumerable.Range(0, 20)
            .Select(i => Run($"ack-page-r{i}", Workspace, "ag_ack", "Ack Bot", "u_ack", succeeded: i >= 6, Iso(now.AddSeconds(-30 * (i + 1))), 5, 1.00m))
            .ToArray());
        var ceo = await app.SignInAsync("ceo", Workspace);
        await ActiveAlertAsync(ceo);

        await using var first = await HeadlessBrowser.LaunchAsync();
        // The watching browser in the dark colour scheme, so that the audit below sees the panel in both.
        await using var second = await HeadlessBrowser.LaunchAsync(darkMode: true);
        var acknowledging = await OpenAsync(first, First);
        var watching = await OpenAsync(second, Second);
        foreach (var page in new[] { acknowledging, watching })
        {
            await page.WaitForSectionTextAsync("Alerts", "30 % of runs failed in the last hour (6 of 20), above the 25 % threshold.", Settle);
            Assert.True(await page.CanAcknowledgeAsync(Rule));
        }
        await watching.WaitUntilLiveAsync(Settle);
        // A mark on the watching page's document: gone if it were reloaded.
        await second.Page.EvaluateExpressionAsync("window.__beforeAcknowledgement = true");

        await acknowledging.AcknowledgeAsync(Rule);
        await acknowledging.WaitForSectionTextAsync("Alerts", $"Acknowledged by {First}", Settle);
        var seen = await watching.WaitForSectionTextAsync("Alerts", $"Acknowledged by {First}", Settle);
        Assert.DoesNotContain(Second, seen);
        Assert.False(await watching.CanAcknowledgeAsync(Rule));
        Assert.True(await second.Page.EvaluateExpressionAsync<bool>("window.__beforeAcknowledgement === true"));

        // The API agrees: the first acknowledgement, by name.
        var alert = Assert.Single((await ceo.GetFromJsonAsync<JsonArray>($"/api/alerts?workspace_id={Workspace}&state=active"))!)!;
        Assert.Equal(First, (string?)alert["acknowledgedByName"]);
        // The panel with a critical alert and an acknowledgement, light and dark: no serious or critical finding.
        foreach (var browser in new[] { first, second })
        {
            var findings = await AxeAudit.RunAsync(browser.Page);
            Assert.True(!findings.Any(f => f.IsSeriousOrWorse), $"axe-core found:\n{string.Join("\n", findings)}");
        }
        Assert.Empty(first.ConsoleErrors);
        Assert.Empty(second.ConsoleErrors);
    }

    private async Task<DashboardPage> OpenAsync(HeadlessBrowser browser, string name)
    {
        var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
        await page.InstallProbeAsync();
        await page.OpenAsync("/?timeframe=24h");
        await page.SignInAsync(name, Workspace);
        return page;
    }

    private static async Task ActiveAlertAsync(HttpClient ceo)
    {
        var (alerts, until) = (new JsonArray(), DateTime.UtcNow + Settle);
        while (alerts.Count == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            alerts = (await ceo.GetFromJsonAsync<JsonArray>($"/api/alerts?workspace_id={Workspace}&state=active"))!;
        }
        Assert.True(alerts.Count == 1 && (string?)alerts[0]!["type"] == Rule, $"no {Rule} alert: {alerts.ToJsonString()}");
    }
}
