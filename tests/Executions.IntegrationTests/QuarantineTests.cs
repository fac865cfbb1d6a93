using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>
/// Issue 18, observation 1: one event the folder could not fold blanked every tenant's numbers, for good. Poison rows sit in
/// the folder's queue next to valid events of other workspaces, in one chunk: the other workspaces and the platform come
/// out exact, the poison is quarantined with its fields as queued, counted in the meter and in the alert signals.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class QuarantineTests(ExecutionsServersFixture servers) : ServiceTests<ExecutionsService>(servers)
{
    private const string AsOf = "2026-11-28T00:00:00Z";
    private static readonly DateTime Day = At("2026-11-27T00:00:00Z");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, long> _quarantinedByReason = new();
    private MeterListener _meters = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = Service.Server;
        // Only this service's meter: other tests' services in this process count into meters of the same name.
        var ours = Service.Services.GetRequiredService<IMeterFactory>();
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == ours && instrument.Name == IngestQuarantine.CounterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var reason = tags.ToArray().Single(t => t.Key == "reason").Value!.ToString()!;
            _quarantinedByReason.AddOrUpdate(reason, value, (_, sum) => sum + value);
        });
        _meters.Start();
    }

    public override async Task DisposeAsync()
    {
        _meters.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Poisoned_events_are_quarantined_and_every_other_tenant_and_the_platform_come_out_exact()
    {
        // Hold the folder's lock (as a busy replica would), so that the valid and the poisoned rows make one chunk.
        await using var busyFolder = new NpgsqlConnection(Service.ConnectionString);
        await busyFolder.OpenAsync();
        await Execute(busyFolder, $"SELECT pg_advisory_lock({RollupFolder.LockKey})");

        using (var response = await Service.Ingest.PostAsync("/api/executions/events", Batch(
            Run("a1", "ws_a", "ag_1", "u_1", "succeeded", Day.AddHours(1), 10, 1.5m),
            Run("a2", "ws_a", "ag_1", "u_2", "failed", Day.AddHours(2), 20, 2.25m),
            Run("a3", "ws_a", "ag_2", "u_1", "succeeded", Day.AddHours(3), 30, 0.5m),
            AgentCreated("b0", "ws_b", "ag_9", "Billing bot", Day),
            Run("b1", "ws_b", "ag_9", "u_9", "succeeded", Day.AddHours(4), 40, 10m),
            Run("b2", "ws_b", "ag_9", "u_9", "succeeded", Day.AddHours(5), 60, 0.75m))))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // What no ingest lets through, but a manual repair, a bug or a restored backup can leave in the queue:
        // a NULL in a required field, a NaN credit (numeric takes it, decimal does not), a time .NET cannot hold; and a
        // run whose hour row of its workspace already holds the most runs a bigint can count (a sum PostgreSQL refuses).
        await Execute(busyFolder, $"""
            INSERT INTO unfolded_events (is_run, event_id, workspace_id, agent_id, agent_name, at,
                                         run_id, user_id, succeeded, started_at, credits, error_code) VALUES
                (true, 'p-null-user', 'ws_poison', 'ag_p', NULL, '{Iso(Day.AddHours(1))}', 'run-p1', NULL, true, '{Iso(Day.AddHours(1).AddSeconds(-5))}', 1, NULL),
                (true, 'p-nan', 'ws_poison', 'ag_p', NULL, '{Iso(Day.AddHours(2))}', 'run-p2', 'u_p', true, '{Iso(Day.AddHours(2).AddSeconds(-5))}', 'NaN', NULL),
                (true, 'p-year-10000', 'ws_poison', 'ag_p', NULL, '10000-01-01T00:00:00Z', 'run-p3', 'u_p', false, '{Iso(Day)}', 1, 'E'),
                (false, 'p-agent-no-name', 'ws_poison', 'ag_q', NULL, '{Iso(Day)}', NULL, NULL, NULL, NULL, NULL, NULL),
                (true, 'p-overflow', 'ws_full', 'ag_f', NULL, '{Iso(Day.AddHours(6))}', 'run-p5', 'u_f', true, '{Iso(Day.AddHours(6).AddSeconds(-5))}', 1, NULL);
            INSERT INTO run_stats (scope, grain, bucket_start, runs, succeeded, runtime_sum, credits)
                VALUES ('ws_full', 'h', '{Iso(Day.AddHours(6))}', 9223372036854775807, 0, 0, 0);
            """);
        await Execute(busyFolder, $"SELECT pg_advisory_unlock({RollupFolder.LockKey})");

        var deadline = DateTime.UtcNow + Patience;
        while (await Service.ScalarAsync("SELECT count(*) FROM unfolded_events") > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, await Service.ScalarAsync("SELECT count(*) FROM unfolded_events"));

        // Hand-computed. ws_a: 3 runs, 1 failed, 1.5 + 2.25 + 0.5 credits, runtimes 10 20 30. ws_b: 2 runs, 10.75 credits,
        // runtimes 40 60. The platform: both, nothing of the poison.
        var a = (await Service.OverviewAsync("ws_a", "24h", AsOf)).ExecutionMetrics;
        Assert.Equal((3L, 2L, 1L, 4.25m, 20.0), (a.TotalRuns, a.SuccessfulRuns, a.FailedRuns, a.TotalCreditsUsed, a.AvgRuntime));
        var b = (await Service.OverviewAsync("ws_b", "24h", AsOf)).ExecutionMetrics;
        Assert.Equal((2L, 2L, 0L, 10.75m, 50.0), (b.TotalRuns, b.SuccessfulRuns, b.FailedRuns, b.TotalCreditsUsed, b.AvgRuntime));
        var all = await Service.OverviewAsync("all", "24h", AsOf);
        Assert.False(all.CatchingUp);
        var platform = all.ExecutionMetrics;
        Assert.Equal((5L, 4L, 1L, 15.00m, 32.0), (platform.TotalRuns, platform.SuccessfulRuns, platform.FailedRuns, platform.TotalCreditsUsed, platform.AvgRuntime));
        Assert.Equal(0, await Service.ScalarAsync("SELECT count(*) FROM run_stats WHERE scope = 'ws_poison'"));
        Assert.Equal(1, await Service.ScalarAsync("SELECT count(*) FROM run_stats WHERE scope = 'ws_full'"));   // as it was

        // Each poisoned row is kept with its fields as they were queued, and why.
        Assert.Equal(5, await Service.ScalarAsync("SELECT count(*) FROM quarantined_events"));
        Assert.Equal(1, await Service.ScalarAsync("""
            SELECT count(*) FROM quarantined_events WHERE event_id = 'p-null-user' AND user_id IS NULL AND run_id = 'run-p1'
                AND error LIKE 'decode: InvalidCastException: %'
            """));
        Assert.Equal(1, await Service.ScalarAsync("SELECT count(*) FROM quarantined_events WHERE event_id = 'p-nan' AND credits = 'NaN' AND error LIKE 'decode: %'"));
        Assert.Equal(1, await Service.ScalarAsync("SELECT count(*) FROM quarantined_events WHERE event_id = 'p-year-10000' AND at = '10000-01-01T00:00:00Z' AND error LIKE 'decode: %'"));
        Assert.Equal(1, await Service.ScalarAsync("SELECT count(*) FROM quarantined_events WHERE event_id = 'p-agent-no-name' AND NOT is_run AND error LIKE 'decode: %'"));
        Assert.Equal(1, await Service.ScalarAsync("""
            SELECT count(*) FROM quarantined_events WHERE event_id = 'p-overflow' AND workspace_id = 'ws_full'
                AND error LIKE 'fold: PostgresException: 22003: %'
            """));

        // Counted in the meter once the fold committed, and in the signals of the alert rule ingest-quarantine.
        deadline = DateTime.UtcNow + Patience;
        while (_quarantinedByReason.Values.Sum() < 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(["decode", "fold"], _quarantinedByReason.Keys.Order());
        Assert.Equal((4L, 1L), (_quarantinedByReason["decode"], _quarantinedByReason["fold"]));
        var signals = await SignalsTests.SignalsAsync(Service.Ceo, Iso(DateTime.UtcNow), "ws_poison", "ws_full", "ws_a", "all");
        Assert.Equal((4L, 1L, 0L, 5L),
            (signals["ws_poison"].QuarantinedLast24h, signals["ws_full"].QuarantinedLast24h, signals["ws_a"].QuarantinedLast24h, signals["all"].QuarantinedLast24h));

        // And the folder has moved on.
        using (var next = await Service.Ingest.PostAsync("/api/executions/events", Batch(Run("a4", "ws_a", "ag_1", "u_1", "succeeded", Day.AddHours(7), 40, 1m))))
        {
            Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        }
        Assert.Equal(4L, (await Service.OverviewAsync("ws_a", "24h", AsOf)).ExecutionMetrics.TotalRuns);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
