using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.TestSupport;
using Npgsql;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>
/// Ingest only stores events; the rollup folder adds them to the rollups later, one chunk and one
/// folder at a time. Each event must be folded exactly once, soon without any read, and before any
/// read that begins after its batch was accepted, whichever replica stored it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RollupFolderTests(ExecutionsServersFixture servers) : TwoReplicas<ExecutionsService>(servers)
{
    private const string AsOf = "2026-11-28T00:00:00Z";
    private static readonly DateTime Day = At("2026-11-27T00:00:00Z");

    private static JsonNode RunOf(string id, string workspace, int second, bool failed = false) =>
        Run(id, workspace, "ag_1", "u_1", failed ? "failed" : "succeeded", Day.AddSeconds(second), 10, 1m);

    [Fact]
    public async Task Accepted_runs_reach_the_rollups_without_any_read()
    {
        await IngestAsync(One, [RunOf("solo-1", "ws_1", 10), RunOf("solo-2", "ws_2", 20)]);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await One.ScalarAsync("SELECT count(*) FROM unfolded_events") > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(0, await One.ScalarAsync("SELECT count(*) FROM unfolded_events"));
        Assert.Equal(2, await One.ScalarAsync("SELECT sum(runs) FROM run_stats WHERE scope = '*' AND grain = 'd'"));
        Assert.Equal(1, await One.ScalarAsync("SELECT sum(runs) FROM run_stats WHERE scope = 'ws_2' AND grain = 'h'"));
    }

    [Fact]
    public async Task The_queue_holds_each_new_event_of_a_batch_once_with_every_field_as_sent()
    {
        // The folder is held (as a busy replica would hold it), so the queue keeps what ingest put in it.
        _ = One.Server;   // started and migrated
        await using var busyFolder = new NpgsqlConnection(One.ConnectionString);
        await busyFolder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({RollupFolder.LockKey})", busyFolder))
        {
            await take.ExecuteNonQueryAsync();
        }

        await IngestAsync(One,
            Run("q-1", "ws_q", "ag_1", "u_1", "succeeded", Day.AddSeconds(10), 10, 1.5m, agentName: "Bot"),
            Run("q-2", "ws_q", "ag_2", "u_2", "failed", Day.AddSeconds(20), 4, 0.25m),
            AgentCreated("q-a", "ws_q", "ag_3", "Helper", Day.AddSeconds(5)));
        // A later batch: its new run only, and nothing of the earlier batch's runs again (q-1 is a duplicate).
        await IngestAsync(One,
            Run("q-1", "ws_q", "ag_1", "u_1", "succeeded", Day.AddSeconds(10), 10, 1.5m, agentName: "Bot"),
            Run("q-3", "ws_r", "ag_1", "u_3", "succeeded", Day.AddSeconds(30), 0, 0m));

        var queued = new List<string>();
        await using (var read = new NpgsqlCommand("""
            SELECT concat_ws('|', is_run::text, event_id, workspace_id, agent_id, coalesce(agent_name, '-'), to_char(at AT TIME ZONE 'UTC', 'HH24:MI:SS'),
                             coalesce(run_id, '-'), coalesce(user_id, '-'), coalesce(succeeded::text, '-'),
                             coalesce(to_char(started_at AT TIME ZONE 'UTC', 'HH24:MI:SS'), '-'), coalesce(credits::text, '-'), coalesce(error_code, '-'))
            FROM unfolded_events ORDER BY event_id
            """, busyFolder))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                queued.Add(reader.GetString(0));
            }
        }
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({RollupFolder.LockKey})", busyFolder))
        {
            await release.ExecuteNonQueryAsync();
        }

        Assert.Equal(
        [
            "true|q-1|ws_q|ag_1|Bot|00:00:10|run-q-1|u_1|true|00:00:00|1.500000|-",
            "true|q-2|ws_q|ag_2|-|00:00:20|run-q-2|u_2|false|00:00:16|0.250000|TIMEOUT",
            "true|q-3|ws_r|ag_1|-|00:00:30|run-q-3|u_3|true|00:00:30|0.000000|-",
            "false|q-a|ws_q|ag_3|Helper|00:00:05|-|-|-|-|-|-",
        ], queued);
    }

    [Fact]
    public async Task Batches_stored_by_two_replicas_at_once_are_each_folded_once_and_seen_by_the_next_read()
    {
        var batches = Enumerable.Range(0, 30).Select(b => Enumerable.Range(0, 40)
            .Select(i => RunOf($"f-{b}-{i}", $"ws_{i % 3}", b * 40 + i, failed: i % 10 == 0)).ToArray()).ToList();
        var reads = Enumerable.Range(0, 3).Select(async r =>
        {
            for (var i = 0; i < 8; i++)
            {
                await (r % 2 == 0 ? One : Two).OverviewAsync("all", "24h", AsOf);
            }
        });
        await Task.WhenAll(batches.SelectMany(b => new[] { IngestAsync(One, b), IngestAsync(Two, b) }).Concat(reads));

        foreach (var replica in new[] { One, Two })
        {
            var platform = (await replica.OverviewAsync("all", "24h", AsOf)).ExecutionMetrics;
            Assert.Equal(1_200, platform.TotalRuns);
            Assert.Equal(120, platform.FailedRuns);
            Assert.Equal(390, (await replica.OverviewAsync("ws_1", "24h", AsOf)).ExecutionMetrics.TotalRuns);   // i % 3 == 1: 13 of each 40
        }
        Assert.Equal(0, await One.ScalarAsync("SELECT count(*) FROM unfolded_events"));
        Assert.Equal(1_200, await One.ScalarAsync("SELECT sum(runs) FROM run_stats WHERE scope = '*' AND grain = 'h'"));
    }

    [Fact]
    public async Task A_read_that_the_folder_cannot_serve_in_time_answers_from_the_rollups_as_they_are_and_says_so()
    {
        await IngestAsync(One, RunOf("early-1", "ws_1", 10));
        var before = await One.OverviewAsync("all", "24h", AsOf);
        Assert.Equal((1L, false), (before.ExecutionMetrics.TotalRuns, before.CatchingUp));

        // Another folder (as a replica busy with a backfill would) holds the fold lock.
        await using var busyFolder = new NpgsqlConnection(One.ConnectionString);
        await busyFolder.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({RollupFolder.LockKey})", busyFolder))
        {
            await take.ExecuteNonQueryAsync();
        }
        await IngestAsync(One, RunOf("late-1", "ws_1", 20), RunOf("late-2", "ws_2", 30, failed: true));

        var behind = await One.OverviewAsync("all", "24h", AsOf);
        Assert.True(behind.CatchingUp);
        Assert.Equal(1, behind.ExecutionMetrics.TotalRuns);
        var signals = (await SignalsTests.SignalsAsync(One.Ceo, AsOf, "all"))["all"];
        Assert.Equal((true, 1L), (signals.CatchingUp, signals.RunsLast24h));

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({RollupFolder.LockKey})", busyFolder))
        {
            await release.ExecuteNonQueryAsync();
        }
        var after = await One.OverviewAsync("all", "24h", AsOf);
        Assert.Equal((3L, 1L, false), (after.ExecutionMetrics.TotalRuns, after.ExecutionMetrics.FailedRuns, after.CatchingUp));
        Assert.False((await SignalsTests.SignalsAsync(One.Ceo, AsOf, "all"))["all"].CatchingUp);
    }
}
