using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using PuppeteerSharp;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// A section that cannot render fails alone: the browser's overview request is answered with the gateway's real answer,
/// but with <c>topUsers</c> an object instead of a list (PuppeteerSharp's request interception). "Top users" shows its
/// own error and a Retry button, while every card shows what it showed before and every other section is drawn. Once
/// the answers are the gateway's own again, Retry brings the section back.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class SectionFailureTests(DashboardApp app)
{
    private const string Workspace = "section_fail";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    private const string CardValues =
        "[...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => `${a.getAttribute('aria-label')}: ${a.querySelector('[data-testid=metric-value]')?.textContent}`)";

    [Fact]
    public async Task A_section_whose_data_cannot_render_shows_its_own_error_and_retry_while_the_rest_of_the_page_lives()
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var now = DateTime.UtcNow;
        await PostAsync(ingest, "/api/users/events", SignedUp("fail-u1", Workspace, "u_fail1", Iso(now.AddDays(-3)), "Fay Failsafe"));
        await PostAsync(ingest, "/api/executions/events",
            Run("fail-r1", Workspace, "ag_fail", "Boundary Bot", "u_fail1", true, Iso(now.AddHours(-3)), 10, 1.00m),
            Run("fail-r2", Workspace, "ag_fail", "Boundary Bot", "u_fail1", false, Iso(now.AddHours(-2)), 20, 1.00m));
        var ceo = await app.SignInAsync("ceo", Workspace);
        var (answer, _, visible) = await OverviewJson.ReadUntilAsync(ceo, Workspace, "7d", Iso(DateTime.UtcNow),
            a => (int?)a["executionMetrics"]?["totalRuns"] == 2 && a["topUsers"]?.AsArray().Count == 1, Settle);
        Assert.True(visible, $"the overview did not show the runs: {answer.ToJsonString()}");

        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
        await page.InstallProbeAsync();
        await page.OpenAsync("/?timeframe=7d");
        await page.SignInAsync("E2E Boundary CEO", Workspace);
        await page.WaitForCardAsync("Total executions", "2");
        await page.WaitForSectionTextAsync("Top users", "Fay Failsafe");
        var cards = await browser.Page.EvaluateExpressionAsync<string[]>(CardValues);

        using var gateway = new HttpClient { BaseAddress = app.Gateway.BaseAddress };
        var altered = 0;
        async Task AnswerAsync(IRequest request)
        {
            if (!request.Url.Contains("/api/executive/overview", StringComparison.Ordinal))
            {
                await request.ContinueAsync();
                return;
            }
            // The gateway's real answer to the same request, then one section made unrenderable.
            using var real = new HttpRequestMessage(HttpMethod.Get, request.Url);
            var authorization = request.Headers.First(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value;
            real.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
            using var response = await gateway.SendAsync(real);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (body.ContainsKey("topUsers"))
            {
                body["topUsers"] = new JsonObject { ["unexpected"] = "an object where a list belongs" };
                Interlocked.Increment(ref altered);
            }
            await request.RespondAsync(new ResponseData { Status = response.StatusCode, ContentType = "application/json", Body = body.ToJsonString() });
        }
        void Intercept(object? sender, RequestEventArgs e) => _ = AnswerAsync(e.Request);

        browser.Page.Request += Intercept;
        await browser.Page.SetRequestInterceptionAsync(true);
        await browser.Page.ReloadAsync();

        var failure = await page.WaitForSectionFailureAsync("Top users");
        Assert.StartsWith("This section could not be shown", failure);
        Assert.True(altered > 0);
        // The rest lives: the cards as before, the charts drawn, the other sections shown and not failed.
        await page.WaitUntilDrawnAsync();
        await page.WaitForCardAsync("Total executions", "2");
        Assert.Equal(cards, await browser.Page.EvaluateExpressionAsync<string[]>(CardValues));
        Assert.Contains("Boundary Bot", await page.WaitForSectionTextAsync("Top agents", "Boundary Bot"));
        foreach (var section in new[] { "Key metrics", "Trends", "Alerts", "Top agents", "Live activity" })
        {
            var text = await page.SectionTextAsync(section);
            Assert.True(text is not null && !text.Contains("This section could not be shown", StringComparison.Ordinal), $"{section}: {text}");
        }
        Assert.DoesNotContain("Fay Failsafe", await page.SectionTextAsync("Top users"));

        await browser.Page.SetRequestInterceptionAsync(false);
        browser.Page.Request -= Intercept;
        // A mark on this document: gone if Retry reloaded the page instead of rendering the section again.
        await browser.Page.EvaluateExpressionAsync("window.__beforeRetry = true");
        await page.RetrySectionAsync("Top users");
        var recovered = await page.WaitForSectionTextAsync("Top users", "Fay Failsafe");
        Assert.DoesNotContain("This section could not be shown", recovered);
        Assert.True(await browser.Page.EvaluateExpressionAsync<bool>("window.__beforeRetry === true"));
        // React reports an error its boundary caught with console.error: the console is not asserted empty here.
    }
}
