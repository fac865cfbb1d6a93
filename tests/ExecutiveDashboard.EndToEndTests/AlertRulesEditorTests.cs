using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The alert rules' thresholds edited in the page by a '*' admin: a value out of the parameter's range is refused with
/// the API's own message, shown in the rule's fieldset; a value in range is saved and the API serves it. The rule is
/// mrr-drop (dropPercent: 5 by default, 0.01 to 100); <see cref="AlertRulesTests"/> relies on the defaults, so the test
/// puts the default back through the API whatever happened (the tests of one collection never run at the same time).
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AlertRulesEditorTests(DashboardApp app)
{
    private const string Rule = "mrr-drop", Parameter = "dropPercent";
    private const decimal Default = 5m;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_platform_admin_sees_the_apis_validation_message_in_the_rule_then_saves_a_valid_threshold(bool darkMode)
    {
        var admin = await app.SignInAsync("admin", "*");
        Assert.Equal(Default, await ThresholdAsync(admin));
        try
        {
            await using var browser = await HeadlessBrowser.LaunchAsync(darkMode: darkMode);
            var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
            await page.InstallProbeAsync();
            await page.OpenAsync();
            await page.SignInAsync("E2E Rules Admin", "*", role: "admin");
            await page.OpenAlertRulesAsync(Rule);

            await page.SetRuleParameterAsync(Rule, Parameter, "150");
            await page.SaveRuleAsync(Rule);
            // The API's message (RuleBook: "must be between {min} and {max}"), not one the page made up.
            var problem = await page.WaitForRuleProblemAsync(Rule, "must be between 0.01 and 100");
            Assert.Contains("must be between 0.01 and 100", problem);
            Assert.Equal(Default, await ThresholdAsync(admin));
            // The dialog with a refused field, in this colour scheme: no serious or critical finding.
            var findings = await AxeAudit.RunAsync(browser.Page);
            Assert.True(!findings.Any(f => f.IsSeriousOrWorse), $"axe-core found:\n{string.Join("\n", findings)}");

            await page.SetRuleParameterAsync(Rule, Parameter, "7.5");
            await page.SaveRuleAsync(Rule);
            var until = DateTime.UtcNow.AddSeconds(20);
            while (await ThresholdAsync(admin) != 7.5m && DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
            Assert.Equal(7.5m, await ThresholdAsync(admin));
            // The page clears the refusal once it has the API's answer, which may come a moment after the rule is stored.
            await Poll.UntilAsync("the rule's refusal cleared", async () => await page.RuleProblemsAsync(Rule) == "", TimeSpan.FromSeconds(10));
            Assert.Empty(browser.ConsoleErrors);
        }
        finally
        {
            using var restored = await admin.PutAsJsonAsync($"/api/alerts/rules/{Rule}", new JsonObject { [Parameter] = Default });
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
    }

    private static async Task<decimal> ThresholdAsync(HttpClient client)
    {
        var rules = (await client.GetFromJsonAsync<JsonArray>("/api/alerts/rules"))!;
        return rules.Single(r => (string?)r!["name"] == Rule)!["parameters"]![Parameter]!.GetValue<decimal>();
    }
}
