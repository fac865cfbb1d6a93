using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Alerts.Storage;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static ExecutiveDashboard.Alerts.IntegrationTests.FakeSignals;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class AlertsTests(AlertsServersFixture servers)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Reads the list as of one second after the service's clock: an alert raised "now" is active from then on.</summary>
    private static async Task<List<AlertView>> ListAsync(AlertsService service, HttpClient client, string scope, string state, string more = "")
    {
        var asOf = Uri.EscapeDataString(Iso(service.Now.AddSeconds(1)));
        using var response = await client.GetAsync($"/api/alerts?workspace_id={scope}&state={state}&asOf={asOf}&timeframe=24h{more}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<AlertView>>())!;
    }

    /// <summary>Polls until the condition holds (the bus and the timer work in the background), at most <see cref="Patience"/>.</summary>
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

    /// <summary>A queue of the test's own on the real broker, bound to what the service publishes.</summary>
    private static async Task<(TaskCompletionSource<AlertTriggered> Triggered, TaskCompletionSource<AlertResolved> Resolved, HostReceiveEndpointHandle Handle)>
        ListenAsync(AlertsService service)
    {
        var triggered = new TaskCompletionSource<AlertTriggered>(TaskCreationOptions.RunContinuationsAsynchronously);
        var resolved = new TaskCompletionSource<AlertResolved>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = service.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"alerts-test-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.Handler<AlertTriggered>(c => Task.FromResult(triggered.TrySetResult(c.Message)));
            endpoint.Handler<AlertResolved>(c => Task.FromResult(resolved.TrySetResult(c.Message)));
        });
        await handle.Ready;
        return (triggered, resolved, handle);
    }

    [Fact]
    public async Task A_change_raises_an_alert_and_the_timer_resolves_it_when_the_condition_clears()
    {
        await using var service = servers.NewService();
        var (triggered, resolved, handle) = await ListenAsync(service);
        try
        {
            service.Signals.Set("ws_a", Errors(runs: 20, failed: 6)); // 30 %: critical
            var raisedAt = service.Now;
            await service.Services.GetRequiredService<IBus>().Publish(
                new MetricsChangedBatch([new MetricsChanged("ws_a", "executions", raisedAt, [Sections.ExecutionMetrics])]));

            var active = await UntilAsync(() => ListAsync(service, service.Ceo, "ws_a", "active"), a => a.Count > 0);
            var alert = Assert.Single(active);
            Assert.Equal(("high-error-rate", "critical", raisedAt, "ws_a", "active"), (alert.Type, alert.Severity, alert.TriggeredAt, alert.WorkspaceId, alert.State));
            Assert.Equal("30 % of runs failed in the last hour (6 of 20), above the 25 % threshold.", alert.Message);

            var published = await triggered.Task.WaitAsync(Patience);
            Assert.Equal((alert.Id, "ws_a", "high-error-rate", "critical"), (published.AlertId, published.WorkspaceId, published.Rule, published.Severity));

            // No new event: the window slid and the next tick of the timer finds the condition cleared.
            service.Signals.Set("ws_a", Errors(runs: 20, failed: 0));
            service.Clock.Advance(TimeSpan.FromMinutes(1));
            var gone = await UntilAsync(() => ListAsync(service, service.Ceo, "ws_a", "resolved"), a => a.Count > 0);
            Assert.Equal((alert.Id, "resolved", raisedAt.AddMinutes(1)), (Assert.Single(gone).Id, gone[0].State, gone[0].ResolvedAt));
            Assert.Empty(await ListAsync(service, service.Ceo, "ws_a", "active"));
            Assert.Single(await ListAsync(service, service.Ceo, "ws_a", "all"));
            Assert.Equal(alert.Id, (await resolved.Task.WaitAsync(Patience)).AlertId);
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    [Fact]
    public async Task Changes_of_numbers_no_rule_reads_mark_nothing_for_evaluation()
    {
        await using var service = servers.NewService();
        // Both would raise high-error-rate if evaluated.
        service.Signals.Set("ws_activity", Errors(runs: 20, failed: 6));
        service.Signals.Set("ws_runs", Errors(runs: 20, failed: 6));
        // One batch, one round: once ws_runs has its alert, whatever the batch marked has been evaluated.
        await service.Services.GetRequiredService<IBus>().Publish(new MetricsChangedBatch([
            new MetricsChanged("ws_activity", "users", service.Now, [Sections.UserMetrics]),
            new MetricsChanged("ws_activity", "alerts", service.Now, [Sections.ActiveAlerts]),
            new MetricsChanged("ws_runs", "executions", service.Now, [Sections.ExecutionMetrics])]));

        Assert.Single(await UntilAsync(() => ListAsync(service, service.Ceo, "ws_runs", "active"), a => a.Count > 0));
        Assert.Empty(await ListAsync(service, service.Ceo, "ws_activity", "all"));
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM known_scopes WHERE scope = 'ws_activity'"));
    }

    [Fact]
    public async Task The_timer_evaluates_the_platform_and_active_alerts_every_tick_and_sweeps_quiet_recent_scopes_a_share_at_a_time()
    {
        await using var service = servers.NewService();
        var store = service.Services.GetRequiredService<AlertStore>();
        var now = service.Now;
        var quiet = Enumerable.Range(0, 20).Select(i => $"quiet_{i:D2}").ToList();
        await store.RememberScopesAsync(quiet, now.AddHours(-1), CancellationToken.None);
        // Last changed 9 days ago: no rule window reaches back there; one of them still has an active alert.
        await store.RememberScopesAsync(["stale", "stale_alerted"], now.AddDays(-9), CancellationToken.None);
        await service.ScalarAsync($"""
            INSERT INTO alerts (id, scope, rule, severity, message, triggered_at)
            VALUES (gen_random_uuid(), 'stale_alerted', 'mrr-drop', 3, 'MRR fell', '{Iso(now.AddDays(-9))}')
            """);

        var firstTick = await store.ScopesDueAsync(now, TimeSpan.FromMinutes(1), RuleBook.LongestWindow, 10, CancellationToken.None);

        Assert.Contains("all", firstTick);
        Assert.Contains("stale_alerted", firstTick);
        Assert.DoesNotContain("stale", firstTick);
        Assert.InRange(firstTick.Count(quiet.Contains), 1, 3);

        // Ten ticks of the real evaluator (signals unknown: nothing fires) reach every quiet scope, never the stale one.
        for (var tick = 0; tick < 10; tick++)
        {
            await service.Evaluator.EvaluateDueScopesAsync(CancellationToken.None);
            service.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM known_scopes WHERE scope LIKE 'quiet_%' AND last_evaluated_at IS NULL"));
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM known_scopes WHERE scope = 'stale' AND last_evaluated_at IS NOT NULL"));

        // A scope an event evaluated within the tick is not evaluated again by the timer.
        await service.Evaluator.EvaluateAsync(["quiet_00"], CancellationToken.None);
        Assert.DoesNotContain("quiet_00", await store.ScopesDueAsync(service.Now, TimeSpan.FromMinutes(1), RuleBook.LongestWindow, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_evaluations_keep_one_active_alert_per_rule_and_scope()
    {
        await using var service = servers.NewService();
        service.Signals.Set("ws_c", Errors(runs: 40, failed: 40));
        var evaluator = service.Evaluator; // starts the service once, before the racing begins

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => evaluator.EvaluateAsync(["ws_c"], CancellationToken.None))));
        service.Clock.Advance(TimeSpan.FromSeconds(5));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => evaluator.EvaluateAsync(["ws_c"], CancellationToken.None))));

        Assert.Equal(1, await service.ScalarAsync("SELECT count(*) FROM alerts WHERE scope = 'ws_c'"));
        // The database itself refuses a second active alert for the rule and scope.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => service.ScalarAsync("""
            INSERT INTO alerts (id, scope, rule, severity, message, triggered_at)
            VALUES (gen_random_uuid(), 'ws_c', 'high-error-rate', 4, 'again', now()) RETURNING 1
            """));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
    }

    [Fact]
    public async Task A_reader_of_workspace_A_never_sees_or_acknowledges_alerts_of_workspace_B()
    {
        await using var service = servers.NewService();
        service.Signals.Set("ws_a", Errors(runs: 20, failed: 20));
        service.Signals.Set("ws_b", Errors(runs: 20, failed: 20));
        await service.Evaluator.EvaluateAsync(["ws_a", "ws_b"], CancellationToken.None);
        var alertOfB = Assert.Single(await ListAsync(service, service.Ceo, "ws_b", "active"));

        var readerOfA = service.ClientFor("admin", "ws_a");
        Assert.Equal(["ws_a"], (await ListAsync(service, readerOfA, "ws_a", "all")).Select(a => a.WorkspaceId));
        foreach (var forbidden in new[] { "ws_b", "all" })
        {
            using var response = await readerOfA.GetAsync($"/api/alerts?workspace_id={forbidden}&state=all");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain(alertOfB.Id, await response.Content.ReadAsStringAsync());
        }
        using (var acknowledgeB = await readerOfA.PostAsync($"/api/alerts/{alertOfB.Id}/acknowledge", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, acknowledgeB.StatusCode);
        }
        Assert.Null(Assert.Single(await ListAsync(service, service.Ceo, "ws_b", "active")).AcknowledgedAt);

        using (var member = await service.ClientFor("member", "*").GetAsync("/api/alerts?workspace_id=ws_a"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        }
        using (var anonymous = await service.CreateClient().GetAsync("/api/alerts?workspace_id=ws_a"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using (var badState = await service.Ceo.GetAsync("/api/alerts?workspace_id=ws_a&state=open"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
            Assert.NotNull((await badState.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["state"]);
        }
    }

    [Fact]
    public async Task An_acknowledged_alert_stays_active_and_remembers_who_saw_it_first_and_only_the_first_tells_the_scope()
    {
        await using var service = servers.NewService();
        var acknowledged = new ConcurrentQueue<AlertAcknowledged>();
        var changes = new ConcurrentQueue<MetricsChanged>();
        var handle = service.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"alerts-test-{Guid.NewGuid():N}", endpoint =>
        {
            endpoint.ConcurrentMessageLimit = 1;
            endpoint.Handler<AlertAcknowledged>(c => { acknowledged.Enqueue(c.Message); return Task.CompletedTask; });
            endpoint.Handler<MetricsChangedBatch>(c =>
            {
                foreach (var change in c.Message.Changes)
                {
                    changes.Enqueue(change);
                }
                return Task.CompletedTask;
            });
        });
        await handle.Ready;
        try
        {
            service.Signals.Set("ws_k", Errors(runs: 20, failed: 20));
            service.Signals.Set("ws_s", Errors(runs: 20, failed: 20));
            await service.Evaluator.EvaluateAsync(["ws_k", "ws_s"], CancellationToken.None);
            var alert = Assert.Single(await ListAsync(service, service.Ceo, "ws_k", "active"));
            var sentinel = Assert.Single(await ListAsync(service, service.Ceo, "ws_s", "active"));
            // The raise's own notice first, so that it cannot be taken for the acknowledgement's.
            var raisedAt = service.Now;
            await UntilAsync(() => Task.FromResult(changes.Count(c => c.WorkspaceId == "ws_k")), n => n > 0);
            service.Clock.Advance(TimeSpan.FromSeconds(5));
            var seenAt = service.Now;

            using var response = await service.ClientFor("admin", "ws_k", subject: "u_dana", name: "Dana Lee").PostAsync($"/api/alerts/{alert.Id}/acknowledge", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var first = (await response.Content.ReadFromJsonAsync<AlertView>())!;
            Assert.Equal((alert.Id, "active", seenAt, "u_dana", "Dana Lee"),
                (first.Id, first.State, first.AcknowledgedAt, first.AcknowledgedBy, first.AcknowledgedByName));
            await UntilAsync(() => Task.FromResult(acknowledged.Count), n => n > 0);
            await UntilAsync(() => Task.FromResult(changes.Count(c => c.WorkspaceId == "ws_k" && c.At == seenAt)), n => n > 0);

            // Someone else, later: the first acknowledgement stays, and nothing is told again.
            service.Clock.Advance(TimeSpan.FromSeconds(30));
            using var again = await service.Ceo.PostAsync($"/api/alerts/{alert.Id}/acknowledge", null);
            var repeated = (await again.Content.ReadFromJsonAsync<AlertView>())!;
            Assert.Equal((seenAt, "u_dana", "Dana Lee"), (repeated.AcknowledgedAt, repeated.AcknowledgedBy, repeated.AcknowledgedByName));
            Assert.Equal("Dana Lee", Assert.Single(await ListAsync(service, service.Ceo, "ws_k", "active")).AcknowledgedByName);

            // A later first acknowledgement of another scope goes out after anything the repeat could have sent.
            var sentinelAt = service.Now;
            using (var other = await service.Ceo.PostAsync($"/api/alerts/{sentinel.Id}/acknowledge", null))
            {
                Assert.Equal("Test", (await other.Content.ReadFromJsonAsync<AlertView>())!.AcknowledgedByName);
            }
            await UntilAsync(() => Task.FromResult(acknowledged.Count(a => a.AlertId == sentinel.Id)), n => n > 0);
            await UntilAsync(() => Task.FromResult(changes.Count(c => c.WorkspaceId == "ws_s" && c.At == sentinelAt)), n => n > 0);

            var told = Assert.Single(acknowledged, a => a.AlertId == alert.Id);
            Assert.Equal(new AlertAcknowledged(alert.Id, "ws_k", "high-error-rate", alert.Message, "Dana Lee", seenAt), told);
            var change = Assert.Single(changes, c => c.WorkspaceId == "ws_k" && c.At > raisedAt);
            Assert.Equal("alerts", change.Service);
            Assert.Equal([Sections.ActiveAlerts], change.Sections);
        }
        finally
        {
            await handle.StopAsync();
        }

        using var unknown = await service.Ceo.PostAsync($"/api/alerts/{Guid.NewGuid()}/acknowledge", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Lists_put_the_active_first_by_severity_then_the_newest_resolution_and_keep_to_the_limit()
    {
        await using var service = servers.NewService();
        _ = service.Evaluator; // starts the service, which creates its database
        var now = service.Now;
        // (message, rule, severity, triggered, resolved) as hours before now; resolved ones in an order of their own on each key.
        (string Message, string Rule, int Severity, double Triggered, double? Resolved)[] alerts =
        [
            ("resolved oldest, critical", "high-error-rate", 4, 5, 4),
            ("resolved newest, low", "high-error-rate", 1, 3, 1),
            ("resolved middle, high", "high-error-rate", 3, 6, 2),
            ("active high", "mrr-drop", 3, 2, null),
            ("active critical", "credit-spike", 4, 0.5, null),
            ("active low, newest", "slow-runs", 1, 0.1, null),
        ];
        foreach (var a in alerts)
        {
            await service.ScalarAsync($"""
                INSERT INTO alerts (id, scope, rule, severity, message, triggered_at, resolved_at)
                VALUES (gen_random_uuid(), 'ws_l', '{a.Rule}', {a.Severity}, '{a.Message}', '{Iso(now.AddHours(-a.Triggered))}',
                        {(a.Resolved is { } r ? $"'{Iso(now.AddHours(-r))}'" : "NULL")})
                """);
        }
        string[] active = ["active critical", "active high", "active low, newest"];
        string[] resolved = ["resolved newest, low", "resolved middle, high", "resolved oldest, critical"];

        async Task<string[]> Messages(string state, string more = "") =>
            [.. (await ListAsync(service, service.Ceo, "ws_l", state, more)).Select(a => a.Message)];

        string[] both = [.. active, .. resolved];
        Assert.Equal(active, await Messages("active"));
        Assert.Equal(resolved, await Messages("resolved"));
        Assert.Equal(both, await Messages("all"));
        Assert.Equal(both[..2], await Messages("all", "&limit=2"));
        Assert.Equal(both[..4], await Messages("all", "&limit=4"));
        Assert.Equal(resolved[..1], await Messages("resolved", "&limit=1"));
        Assert.Equal(both, await Messages("all", "&limit=500"));
    }

    [Fact]
    public async Task The_list_documents_its_query_parameters_limit_included()
    {
        await using var service = servers.NewService();

        var document = await service.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var list = document.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/') == "/api/alerts").Value.GetProperty("get");
        Assert.Equal(["asOf", "limit", "state", "timeframe", "tz", "weekStart", "workspace_id"],
            list.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                .Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_list_puts_the_highest_severity_first_then_the_newest()
    {
        await using var service = servers.NewService();
        // 15 % errors (high) and a p95 twice the day before's (low) …
        service.Signals.Set("ws_o", Errors(runs: 20, failed: 3, p95: 20, p95Before: 10));
        await service.Evaluator.EvaluateAsync(["ws_o"], CancellationToken.None);
        // … then, a second later, MRR down 10 % (high, newer).
        service.Clock.Advance(TimeSpan.FromSeconds(1));
        service.Signals.Set("ws_o", Errors(runs: 20, failed: 3, p95: 20, p95Before: 10, mrr: 900, mrrBefore: 1000));
        await service.Evaluator.EvaluateAsync(["ws_o"], CancellationToken.None);

        var alerts = await ListAsync(service, service.Ceo, "ws_o", "active");
        Assert.Equal([("mrr-drop", "high"), ("high-error-rate", "high"), ("slow-runs", "low")], alerts.Select(a => (a.Type, a.Severity)));
        // The overview's view of the same answer: the ActiveAlert fields.
        using var raw = await service.Ceo.GetAsync($"/api/alerts?workspace_id=ws_o&state=active&asOf={Uri.EscapeDataString(Iso(service.Now.AddSeconds(1)))}");
        var asOverview = (await raw.Content.ReadFromJsonAsync<List<ActiveAlert>>())!;
        Assert.Equal("MRR fell 10 % in 24 h, from $1,000.00 to $900.00.", asOverview[0].Message);
    }

    [Fact]
    public async Task Rule_edits_are_validated_and_change_what_fires()
    {
        await using var service = servers.NewService();
        service.Signals.Set("ws_e", Errors(runs: 10, failed: 3)); // 30 %, but only 10 runs
        await service.Evaluator.EvaluateAsync(["ws_e"], CancellationToken.None);
        Assert.Empty(await ListAsync(service, service.Ceo, "ws_e", "all"));

        using (var invalid = await service.Ceo.PutAsync("/api/alerts/rules/high-error-rate", Body("""{ "minRuns": 0, "errorRate": "x" }""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
            Assert.Equal(["errorRate", "minRuns"], errors.Select(e => e.Key).Order());
        }
        using (var unknown = await service.Ceo.PutAsync("/api/alerts/rules/no-such-rule", Body("""{ "minRuns": 5 }""")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        using (var notPlatform = await service.ClientFor("ceo", "ws_e").PutAsync("/api/alerts/rules/high-error-rate", Body("""{ "minRuns": 5 }""")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notPlatform.StatusCode);
        }
        using (var edited = await service.Ceo.PutAsync("/api/alerts/rules/high-error-rate", Body("""{ "minRuns": 10 }""")))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }
        var rules = (await service.Ceo.GetFromJsonAsync<JsonArray>("/api/alerts/rules"))!;
        var rule = rules.Single(r => r!["name"]!.GetValue<string>() == "high-error-rate")!;
        Assert.Equal(10m, rule["parameters"]!["minRuns"]!.GetValue<decimal>());
        Assert.Equal(25m, rule["parameters"]!["criticalErrorRate"]!.GetValue<decimal>());

        await service.Evaluator.EvaluateAsync(["ws_e"], CancellationToken.None);
        Assert.Equal("critical", Assert.Single(await ListAsync(service, service.Ceo, "ws_e", "active")).Severity);
    }
}
