using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Alerts.Goals;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static ExecutiveDashboard.Alerts.IntegrationTests.FakeGoalHistory;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>Goals over the real service, database and broker: stored, validated, kept to the token's scopes, evaluated in
/// the alert rounds, and raising then resolving the goal-off-track alert through the normal path.</summary>
[Collection(ServersCollection.Name)]
public sealed class GoalsTests(AlertsServersFixture servers)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static string Day(DateTime now, int daysAhead) =>
        DateOnly.FromDateTime(now).AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Body(string scope, string metric, decimal target, string date) =>
        new() { ["workspaceId"] = scope, ["metric"] = metric, ["target"] = target, ["targetDate"] = date };

    private static async Task<Goal> CreateAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/api/goals", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Goal>())!;
    }

    private static async Task<AlertsOverview> OverviewAsync(AlertsService service, string scope)
    {
        var asOf = Uri.EscapeDataString(service.Now.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        return (await service.Ceo.GetFromJsonAsync<AlertsOverview>($"/api/alerts/overview?workspace_id={scope}&timeframe=30d&asOf={asOf}"))!;
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var value = await read();
            if (done(value) || timeout.IsCancellationRequested)
            {
                return value;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The outbox merges the changes of one round, so a burst of edits may arrive as one: at least one arrives.</summary>
    private static async Task ToldAsync(ConcurrentQueue<MetricsChanged> changes) => Assert.True(
        await UntilAsync(() => Task.FromResult(changes.Any(c => (c.WorkspaceId, c.Service) == ("ws_s", "alerts") && c.Sections.SequenceEqual([Sections.Goals]))), told => told),
        "no MetricsChanged of ws_s naming goals");

    [Fact]
    public async Task A_goal_is_set_listed_edited_and_deleted_and_each_change_tells_the_scope()
    {
        await using var service = servers.NewService();
        var changes = new ConcurrentQueue<MetricsChanged>();
        var handle = service.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"goals-test-{Guid.NewGuid():N}", endpoint =>
            endpoint.Handler<MetricsChangedBatch>(c =>
            {
                foreach (var change in c.Message.Changes)
                {
                    changes.Enqueue(change);
                }
                return Task.CompletedTask;
            }));
        await handle.Ready;
        try
        {
            var date = Day(service.Now, 90);
            var goal = await CreateAsync(service.Ceo, Body("ws_s", "paidWorkspaces", 40, date));
            Assert.Equal(("ws_s", "paidWorkspaces", 40m, date), (goal.WorkspaceId, goal.Metric, goal.Target, goal.TargetDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Assert.Null(goal.Status);
            await ToldAsync(changes);

            using (var twice = await service.Ceo.PostAsJsonAsync("/api/goals", Body("ws_s", "paidWorkspaces", 50, date)))
            {
                Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
                Assert.Equal("application/problem+json", twice.Content.Headers.ContentType?.MediaType);
            }
            await CreateAsync(service.Ceo, Body("ws_s", "mrr", 12_500.5m, date));

            var listed = (await service.Ceo.GetFromJsonAsync<List<Goal>>("/api/goals?workspace_id=ws_s"))!;
            Assert.Equal(["mrr", "paidWorkspaces"], listed.Select(g => g.Metric));

            using (var edit = await service.Ceo.PutAsJsonAsync($"/api/goals/{goal.Id}", new JsonObject { ["metric"] = "paidWorkspaces", ["target"] = 45, ["targetDate"] = Day(service.Now, 30) }))
            {
                Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
                Assert.Equal(45m, (await edit.Content.ReadFromJsonAsync<Goal>())!.Target);
            }
            // Onto a metric the scope already has a goal on: refused, nothing changed.
            using (var clash = await service.Ceo.PutAsJsonAsync($"/api/goals/{goal.Id}", new JsonObject { ["metric"] = "mrr", ["target"] = 45, ["targetDate"] = date }))
            {
                Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
            }
            Assert.Equal(1, await service.ScalarAsync("SELECT count(*) FROM goals WHERE metric = 'paidWorkspaces' AND target = 45"));

            changes.Clear();
            using (var delete = await service.Ceo.DeleteAsync($"/api/goals/{goal.Id}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            }
            await ToldAsync(changes);
            using (var again = await service.Ceo.DeleteAsync($"/api/goals/{goal.Id}"))
            {
                Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
            }
            Assert.Equal(["mrr"], (await service.Ceo.GetFromJsonAsync<List<Goal>>("/api/goals?workspace_id=ws_s"))!.Select(g => g.Metric));
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    [Fact]
    public async Task A_reader_of_workspace_A_never_sets_sees_edits_or_deletes_goals_of_workspace_B()
    {
        await using var service = servers.NewService();
        var date = Day(service.Now, 60);
        var goalOfB = await CreateAsync(service.Ceo, Body("ws_b", "runs", 1_000, date));
        var readerOfA = service.ClientFor("admin", "ws_a");

        foreach (var scope in new[] { "ws_b", "all" })
        {
            using var set = await readerOfA.PostAsJsonAsync("/api/goals", Body(scope, "mrr", 100, date));
            Assert.Equal(HttpStatusCode.Forbidden, set.StatusCode);
            using var list = await readerOfA.GetAsync($"/api/goals?workspace_id={scope}");
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            Assert.DoesNotContain(goalOfB.Id, await list.Content.ReadAsStringAsync());
        }
        using (var edit = await readerOfA.PutAsJsonAsync($"/api/goals/{goalOfB.Id}", new JsonObject { ["metric"] = "runs", ["target"] = 1, ["targetDate"] = date }))
        {
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        }
        using (var delete = await readerOfA.DeleteAsync($"/api/goals/{goalOfB.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        }
        Assert.Equal(1, await service.ScalarAsync("SELECT count(*) FROM goals"));
        Assert.Equal(1, await service.ScalarAsync("SELECT count(*) FROM goals WHERE target = 1000"));
        Assert.Empty((await readerOfA.GetFromJsonAsync<List<Goal>>("/api/goals?workspace_id=ws_a"))!);
        Assert.Single((await service.ClientFor("ceo", "ws_b").GetFromJsonAsync<List<Goal>>("/api/goals?workspace_id=ws_b"))!);

        foreach (var (client, expected) in new[] { (service.ClientFor("member", "*"), HttpStatusCode.Forbidden), (service.ClientFor("ingest", "*"), HttpStatusCode.Forbidden), (service.CreateClient(), HttpStatusCode.Unauthorized) })
        {
            using var list = await client.GetAsync("/api/goals?workspace_id=ws_b");
            Assert.Equal(expected, list.StatusCode);
            using var set = await client.PostAsJsonAsync("/api/goals", Body("ws_b", "mrr", 100, date));
            Assert.Equal(expected, set.StatusCode);
            using var delete = await client.DeleteAsync($"/api/goals/{goalOfB.Id}");
            Assert.Equal(expected, delete.StatusCode);
        }
        Assert.Equal(1, await service.ScalarAsync("SELECT count(*) FROM goals"));
    }

    [Fact]
    public async Task A_goal_off_track_raises_an_alert_that_resolves_when_it_is_back_on_track_or_deleted()
    {
        await using var service = servers.NewService();
        var triggered = new ConcurrentQueue<AlertTriggered>();
        var resolved = new ConcurrentQueue<AlertResolved>();
        var handle = service.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"goals-test-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.Handler<AlertTriggered>(c => { triggered.Enqueue(c.Message); return Task.CompletedTask; });
            endpoint.Handler<AlertResolved>(c => { resolved.Enqueue(c.Message); return Task.CompletedTask; });
        });
        await handle.Ready;
        try
        {
            // MRR 10,000 rising 10 a day; a target of 20,000 in 60 days is far out of reach.
            service.GoalHistory.Set("ws_g", Mrr(now: 10_000, perDay: 10));
            var date = Day(service.Now, 60);
            var setAt = service.Now;
            var goal = await CreateAsync(service.Ceo, Body("ws_g", "mrr", 20_000, date));

            var overview = await UntilAsync(() => OverviewAsync(service, "ws_g"), o => o.ActiveAlerts.Count > 0);
            var alert = Assert.Single(overview.ActiveAlerts);
            var evaluated = Assert.Single(overview.Goals);
            // A straight line: 10,000 + 10 a day for the days from now to the end of the target date.
            var projected = Math.Round(10_000m + 10m * (decimal)(GoalEvaluator.DueAt(goal.TargetDate) - setAt).TotalDays, 2);
            Assert.Equal((goal.Id, 10_000m, 10_000m, projected, 0.0, "offTrack", setAt),
                (evaluated.Id, evaluated.Baseline, evaluated.Current, evaluated.Projected, evaluated.Progress, evaluated.Status, evaluated.EvaluatedAt));
            Assert.Equal(("goal-off-track", "medium"), (alert.Type, alert.Severity));
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"MRR goal off track: projected ${projected:#,0.00} by {date} against a target of $20,000.00."), alert.Message);
            Assert.Equal(alert.Id, (await UntilAsync(() => Task.FromResult(triggered.ToList()), t => t.Count > 0)).Single().AlertId);

            // MRR now 12,000 and rising 200 a day: on track. The timer's next tick reads it again, and the alert resolves.
            service.GoalHistory.Set("ws_g", Mrr(now: 12_000, perDay: 200));
            service.Clock.Advance(TimeSpan.FromMinutes(1));
            overview = await UntilAsync(() => OverviewAsync(service, "ws_g"), o => o.ActiveAlerts.Count == 0);
            Assert.Empty(overview.ActiveAlerts);
            evaluated = Assert.Single(overview.Goals);
            // The baseline stays the value when the goal was set: (12,000 − 10,000) / (20,000 − 10,000) = 0.2.
            Assert.Equal((10_000m, 12_000m, 0.2, "onTrack"), (evaluated.Baseline, evaluated.Current, evaluated.Progress, evaluated.Status));
            Assert.Equal(alert.Id, (await UntilAsync(() => Task.FromResult(resolved.ToList()), r => r.Count > 0)).Single().AlertId);

            // Off track again, then deleted: the deletion resolves the new alert.
            service.GoalHistory.Set("ws_g", Mrr(now: 12_000, perDay: 1));
            service.Clock.Advance(TimeSpan.FromMinutes(1));
            overview = await UntilAsync(() => OverviewAsync(service, "ws_g"), o => o.ActiveAlerts.Count > 0);
            var again = Assert.Single(overview.ActiveAlerts);
            Assert.NotEqual(alert.Id, again.Id);
            using (var delete = await service.Ceo.DeleteAsync($"/api/goals/{goal.Id}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            }
            overview = await UntilAsync(() => OverviewAsync(service, "ws_g"), o => o.ActiveAlerts.Count == 0);
            Assert.Empty(overview.ActiveAlerts);
            Assert.Empty(overview.Goals);
            Assert.Equal(2, await service.ScalarAsync("SELECT count(*) FROM alerts WHERE scope = 'ws_g' AND rule = 'goal-off-track' AND resolved_at IS NOT NULL"));
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    [Fact]
    public async Task A_dau_goal_evaluates_from_the_daily_active_users_read_for_the_scopes_with_one_alone()
    {
        await using var service = servers.NewService();
        // DAU 400 rising 5 a day; a target of 1,000 in 60 days is out of reach. ws_m's goal is on MRR: no DAU is read for it.
        service.GoalHistory.Set("ws_d", Dau(now: 400, perDay: 5));
        service.GoalHistory.Set("ws_m", Mrr(now: 10_000, perDay: 10));
        var date = Day(service.Now, 60);
        var setAt = service.Now;
        var goal = await CreateAsync(service.Ceo, Body("ws_d", "dau", 1_000, date));
        await CreateAsync(service.Ceo, Body("ws_m", "mrr", 10_500, date));

        var overview = await UntilAsync(() => OverviewAsync(service, "ws_d"), o => o.ActiveAlerts.Count > 0);
        var evaluated = Assert.Single(overview.Goals);
        var projected = Math.Round(400m + 5m * (decimal)(GoalEvaluator.DueAt(goal.TargetDate) - setAt).TotalDays, 2);
        Assert.Equal((goal.Id, 400m, 400m, projected, 0.0, "offTrack"),
            (evaluated.Id, evaluated.Baseline, evaluated.Current, evaluated.Projected, evaluated.Progress, evaluated.Status));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"DAU goal off track: projected {projected:#,0.##} by {date} against a target of 1,000."),
            Assert.Single(overview.ActiveAlerts).Message);
        Assert.Equal("onTrack", (await UntilAsync(() => OverviewAsync(service, "ws_m"), o => o.Goals.Single().Status is not null)).Goals.Single().Status);
        Assert.Contains("ws_m", service.GoalHistory.Asked);
        Assert.Equal(["ws_d"], service.GoalHistory.AskedForDau.Distinct());

        // Whole users only.
        using var half = await service.Ceo.PostAsJsonAsync("/api/goals", Body("ws_m", "dau", 10.5m, date));
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
    }

    [Fact]
    public async Task Goals_whose_history_cannot_be_read_leave_their_alert_as_it_is()
    {
        await using var service = servers.NewService();
        service.GoalHistory.Set("ws_u", Mrr(now: 10_000, perDay: 10));
        await CreateAsync(service.Ceo, Body("ws_u", "mrr", 20_000, Day(service.Now, 60)));
        Assert.Single((await UntilAsync(() => OverviewAsync(service, "ws_u"), o => o.ActiveAlerts.Count > 0)).ActiveAlerts);

        // The billing service stops answering: its goals are unknown, the alert neither resolves nor moves.
        service.GoalHistory.Set("ws_u", _ => new GoalHistory(null, null));
        service.Clock.Advance(TimeSpan.FromMinutes(1));
        await service.Evaluator.EvaluateAsync(["ws_u"], CancellationToken.None);
        var overview = await OverviewAsync(service, "ws_u");
        Assert.Single(overview.ActiveAlerts);
        Assert.Equal("offTrack", Assert.Single(overview.Goals).Status);
    }

    [Fact]
    public async Task A_scope_evaluated_moments_ago_keeps_its_evaluation_instead_of_reading_its_history_again()
    {
        await using var service = servers.NewService();
        service.GoalHistory.Set("ws_f", Mrr(now: 10_000, perDay: 100));
        await CreateAsync(service.Ceo, Body("ws_f", "mrr", 11_000, Day(service.Now, 60)));
        await UntilAsync(() => OverviewAsync(service, "ws_f"), o => o.Goals.Single().Status is not null);
        var reads = service.GoalHistory.Asked.Count(s => s == "ws_f");

        service.Clock.Advance(GoalEvaluator.Fresh - TimeSpan.FromSeconds(1));
        await service.Evaluator.EvaluateAsync(["ws_f"], CancellationToken.None);
        Assert.Equal(reads, service.GoalHistory.Asked.Count(s => s == "ws_f"));

        service.Clock.Advance(TimeSpan.FromSeconds(1));
        await service.Evaluator.EvaluateAsync(["ws_f"], CancellationToken.None);
        Assert.Equal(reads + 1, service.GoalHistory.Asked.Count(s => s == "ws_f"));
    }
}
