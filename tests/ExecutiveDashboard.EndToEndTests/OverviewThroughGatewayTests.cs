using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>Through the gateway, with tokens, against the whole running system: 1,000 runs in, and the
/// overview shows exactly what they imply.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class OverviewThroughGatewayTests(DashboardApp app)
{
    private const string AsOf = "2026-11-29T12:00:00Z";
    private static readonly DateTime AsOfTime = DateTime.Parse(AsOf, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    private sealed record GeneratedRun(bool Succeeded, double Runtime, decimal Credits, DateTime CompletedAt);

    [Fact]
    public async Task A_thousand_runs_through_the_gateway_show_exactly_in_the_overview()
    {
        var random = new Random(7);
        var runs = Enumerable.Range(0, 1_000).Select(_ => new GeneratedRun(
            random.NextDouble() > 0.2,
            random.Next(1, 3_600),
            random.Next(0, 2_000) / 100m,
            AsOfTime.AddSeconds(-random.Next(1, 6 * 24 * 3600)))).ToList();
        var events = new JsonArray(runs.Select((r, i) => (JsonNode)new JsonObject
        {
            ["eventId"] = $"e2e-run-{i}",
            ["type"] = "run.completed",
            ["workspaceId"] = "ws_e2e",
            ["runId"] = $"run-{i}",
            ["agentId"] = $"agent-{i % 5}",
            ["agentName"] = $"Agent {i % 5}",
            ["userId"] = $"user-{i % 17}",
            ["status"] = r.Succeeded ? "succeeded" : "failed",
            ["startedAt"] = r.CompletedAt.AddSeconds(-r.Runtime).ToString("O"),
            ["completedAt"] = r.CompletedAt.ToString("O"),
            ["credits"] = r.Credits,
        }).ToArray());

        var ingest = await app.SignInAsync("ingest", "*");
        using (var accepted = await ingest.PostAsync("/api/executions/events", new StringContent(events.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var body = await accepted.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(1_000, body!["accepted"]!.GetValue<int>());
        }

        var ceo = await app.SignInAsync("ceo", "ws_e2e");
        // On a loaded machine the rollup folder can be more than the read's 1 s wait behind the 202: such an answer says
        // so (meta.catchingUp) and grows to the full numbers within seconds. Read until it is whole (at most 15 s).
        var settle = System.Diagnostics.Stopwatch.StartNew();
        var overview = await ReadAsync();
        while ((overview.Meta.CatchingUp.Count > 0 || overview.Meta.Degraded.Count > 0) && settle.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
            overview = await ReadAsync();
        }
        async Task<ExecutiveDashboardData> ReadAsync() =>
            (await ceo.GetFromJsonAsync<ExecutiveDashboardData>($"/api/executive/overview?workspace_id=ws_e2e&timeframe=7d&asOf={AsOf}"))!;

        var m = overview.ExecutionMetrics;

        var succeeded = runs.Count(r => r.Succeeded);
        Assert.Equal(1_000, m.TotalRuns);
        Assert.Equal(succeeded, m.SuccessfulRuns);
        Assert.Equal(1_000 - succeeded, m.FailedRuns);
        Assert.Equal(Math.Round(succeeded / 10.0, 2), m.SuccessRate);
        Assert.Equal(runs.Sum(r => r.Credits), m.TotalCreditsUsed);
        Assert.Equal(Math.Round(runs.Average(r => r.Runtime), 3), m.AvgRuntime);
        var sorted = runs.Select(r => r.Runtime).Order().ToArray();
        var rank = 0.95 * (sorted.Length - 1);
        var p95 = sorted[(int)rank] + (rank - Math.Floor(rank)) * (sorted[(int)Math.Ceiling(rank)] - sorted[(int)rank]);
        Assert.InRange(m.P95Runtime!.Value, p95 * 0.98, p95 * 1.02);
        Assert.Equal(5, overview.AgentMetrics.ActiveAgents);
        Assert.Equal(28, overview.Trends.Execution.Count);
        Assert.Equal(1_000, overview.Trends.Execution.Sum(p => p.Value));

        // Every service answers; no alert was active at asOf (alerts are raised at the real now, after it).
        Assert.Empty(overview.Meta.Degraded);
        Assert.Empty(overview.ActiveAlerts);
        Assert.Equal("percent", overview.Meta.MetricInfo["totalRuns"].ChangeUnit);
        Assert.Null(overview.Meta.Sections);

        // What a live page asks after a metrics_update naming the execution trend: the executions service's sections
        // only, the same numbers, and the others empty.
        var part = (await ceo.GetFromJsonAsync<ExecutiveDashboardData>(
            $"/api/executive/overview?workspace_id=ws_e2e&timeframe=7d&asOf={AsOf}&sections=trends.execution"))!;
        Assert.Equal(["agentMetrics", "executionMetrics", "topUsers", "trends.errors", "trends.execution"], part.Meta.Sections);
        Assert.Equal(overview.ExecutionMetrics, part.ExecutionMetrics);
        Assert.Equal(overview.Trends.Execution, part.Trends.Execution);
        Assert.Equal(UserMetrics.Empty, part.UserMetrics);
        Assert.Empty(part.Meta.Degraded);
        var both = (await ceo.GetFromJsonAsync<ExecutiveDashboardData>(
            $"/api/executive/overview?workspace_id=ws_e2e&timeframe=7d&asOf={AsOf}&sections=userMetrics,activeAlerts"))!;
        Assert.Equal(["activeAlerts", "annotations", "businessMetrics.activeWorkspaces", "goals", "trends.users", "userMetrics"], both.Meta.Sections);
        Assert.NotNull(both.UserMetrics.Wau); // the users service answered (it may still be consuming the runs)
        Assert.Equal(ExecutionMetrics.Empty, both.ExecutionMetrics);

        using var unknown = await ceo.GetAsync($"/api/executive/overview?workspace_id=ws_e2e&timeframe=7d&sections=trends.execution,revenue");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("sections", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_gateway_applies_the_role_and_workspace_rules()
    {
        using var anonymous = await app.Gateway.GetAsync("/api/executive/overview?workspace_id=ws_e2e");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var member = await (await app.SignInAsync("member", "*")).GetAsync("/api/executive/overview?workspace_id=ws_e2e");
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);

        var ceo = await app.SignInAsync("ceo", "ws_other");
        using var otherWorkspace = await ceo.GetAsync("/api/executive/overview?workspace_id=ws_e2e");
        Assert.Equal(HttpStatusCode.Forbidden, otherWorkspace.StatusCode);
        using var proxied = await ceo.GetAsync("/api/executions/overview?workspace_id=ws_e2e");
        Assert.Equal(HttpStatusCode.Forbidden, proxied.StatusCode);
        using var platform = await ceo.GetAsync("/api/executive/overview?workspace_id=all");
        Assert.Equal(HttpStatusCode.Forbidden, platform.StatusCode);

        using var badTimeframe = await ceo.GetAsync("/api/executive/overview?workspace_id=ws_other&timeframe=1y");
        Assert.Equal(HttpStatusCode.BadRequest, badTimeframe.StatusCode);
    }
}
