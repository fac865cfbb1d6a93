using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// Goals end to end: a ceo sets three goals through the gateway; the alerts service reads the workspace's daily MRR,
/// 30-day run windows and daily active users from the real billing, executions and users services with its service token,
/// evaluates them, and the
/// overview shows them; the goal out of reach raises goal-off-track on the overview, and deleting it resolves the alert.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class GoalsThroughGatewayTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "hand_goal";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Goals_are_evaluated_from_the_services_numbers_and_one_off_track_raises_an_alert_until_it_is_deleted()
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", Workspace);
        var now = DateTime.UtcNow;
        // MRR $1,000 from 20 days ago, $1,500 from 10 days ago; 10 runs in the last 5 days, the 8 latest successful: 80 % (and
        // no drop of the last day's success rate, which would raise an alert of its own).
        await PostAsync(ingest, "/api/billing/events",
            SubscriptionStarted("goal-s1", Workspace, Iso(now.AddDays(-20)), "team", "month", 1000m),
            SubscriptionChanged("goal-s2", Workspace, Iso(now.AddDays(-10)), "team", "month", 1500m));
        await PostAsync(ingest, "/api/executions/events", [.. Enumerable.Range(0, 10)
            .Select(i => Run($"goal-r{i}", Workspace, "ag_goal", "Goal Bot", "u_goal", succeeded: i < 8, Iso(now.AddHours(-12 * (i + 1))), 5, 1m))]);
        // Three users active in the last day: DAU 3. One is the runs' user, whom the runs make active too: one user still,
        // however soon the users service hears of the runs.
        string[] users = ["u_goal", "u_goal_b", "u_goal_c"];
        await PostAsync(ingest, "/api/users/events", [.. users.Select((u, i) => Active($"goal-u{i}", Workspace, u, Iso(now.AddHours(-1 - i))))]);
        var due = DateOnly.FromDateTime(now).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var mrr = await CreateAsync(ceo, new JsonObject { ["workspaceId"] = Workspace, ["metric"] = "mrr", ["target"] = 1_000_000, ["targetDate"] = due });
        await CreateAsync(ceo, new JsonObject { ["workspaceId"] = Workspace, ["metric"] = "successRate", ["target"] = 75, ["targetDate"] = due });
        await CreateAsync(ceo, new JsonObject { ["workspaceId"] = Workspace, ["metric"] = "dau", ["target"] = 3, ["targetDate"] = due });
        var clock = Stopwatch.StartNew();

        var answer = await OverviewWhenAsync(ceo, o => o["goals"]!.AsArray().All(g => g!["status"] is not null) && OffTrack(o).Count > 0);
        output.WriteLine($"the goals evaluated and the alert raised {clock.ElapsedMilliseconds} ms after they were set");
        var goals = answer["goals"]!.AsArray().ToDictionary(g => g!["metric"]!.GetValue<string>(), g => g!);
        Assert.Equal((1500m, 1500m, "offTrack"), (goals["mrr"]["current"]!.GetValue<decimal>(), goals["mrr"]["baseline"]!.GetValue<decimal>(), goals["mrr"]["status"]!.GetValue<string>()));
        Assert.Equal((80m, "met", 1.0), (goals["successRate"]["current"]!.GetValue<decimal>(), goals["successRate"]["status"]!.GetValue<string>(), goals["successRate"]["progress"]!.GetValue<double>()));
        Assert.Equal((3m, "met", 1.0), (goals["dau"]["current"]!.GetValue<decimal>(), goals["dau"]["status"]!.GetValue<string>(), goals["dau"]["progress"]!.GetValue<double>()));
        var alert = Assert.Single(OffTrack(answer));
        Assert.StartsWith("MRR goal off track: projected $", alert["message"]!.GetValue<string>());
        Assert.EndsWith($"by {due} against a target of $1,000,000.00.", alert["message"]!.GetValue<string>());

        // Another workspace's reader sees none of it.
        var other = await app.SignInAsync("ceo", "hand_goal_other");
        using (var forbidden = await other.GetAsync($"/api/goals?workspace_id={Workspace}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var deleted = await ceo.DeleteAsync($"/api/goals/{mrr}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        answer = await OverviewWhenAsync(ceo, o => OffTrack(o).Count == 0);
        Assert.Empty(OffTrack(answer));
        Assert.Equal(["dau", "successRate"], answer["goals"]!.AsArray().Select(g => g!["metric"]!.GetValue<string>()));
    }

    private static List<JsonNode> OffTrack(JsonObject overview) =>
        [.. overview["activeAlerts"]!.AsArray().Where(a => a!["type"]!.GetValue<string>() == "goal-off-track").Select(a => a!)];

    private static async Task<string> CreateAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/api/goals", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> OverviewWhenAsync(HttpClient ceo, Func<JsonObject, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await ceo.GetAsync($"/api/executive/overview?workspace_id={Workspace}&timeframe=30d");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var answer = JsonNode.Parse(body)!.AsObject();
            if (done(answer) || clock.Elapsed > Settle)
            {
                return answer;
            }
            await Task.Delay(200);
        }
    }
}
