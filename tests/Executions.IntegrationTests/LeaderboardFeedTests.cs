using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using Npgsql;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>
/// The top agents and users come from in-memory leaderboards fed from the runs table: every committed
/// run must reach every replica's leaderboards exactly once, whatever the order in which transactions
/// commit, and a read must see every run committed before it began.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LeaderboardFeedTests(ExecutionsServersFixture servers) : TwoReplicas<ExecutionsService>(servers)
{
    private const string AsOf = "2026-11-28T00:00:00Z";
    private static readonly DateTime Day = At("2026-11-27T00:00:00Z");

    private static JsonNode RunOf(string id, string agent, string user, int minute) =>
        Run(id, "ws_1", agent, user, "succeeded", Day.AddMinutes(minute), 10, 1m);

    private async Task<List<(string Id, long Runs)>> TopAgentsAsync(ExecutionsService replica) =>
        (await replica.OverviewAsync("ws_1", "24h", AsOf)).AgentMetrics.TopAgents.Select(a => (a.Id, a.Runs)).ToList();

    [Fact]
    public async Task A_run_stored_by_one_replica_is_in_the_other_replicas_next_read_once()
    {
        Assert.Empty(await TopAgentsAsync(Two));   // loaded, empty

        await IngestAsync(One, RunOf("a", "ag_1", "u_1", 1), RunOf("b", "ag_1", "u_2", 2), RunOf("c", "ag_2", "u_1", 3));
        Assert.Equal([("ag_1", 2), ("ag_2", 1)], await TopAgentsAsync(Two));

        await IngestAsync(Two, RunOf("a", "ag_1", "u_1", 1), RunOf("d", "ag_2", "u_1", 4), RunOf("e", "ag_2", "u_3", 5));   // "a" again
        Assert.Equal([("ag_2", 3), ("ag_1", 2)], await TopAgentsAsync(One));
        Assert.Equal([("ag_2", 3), ("ag_1", 2)], await TopAgentsAsync(Two));
        var users = (await One.OverviewAsync("ws_1", "24h", AsOf)).TopUsers;
        Assert.Equal([("u_1", 3L), ("u_2", 1L), ("u_3", 1L)], users.Select(u => (u.Id, u.Runs)));
    }

    [Fact]
    public async Task A_transaction_that_commits_after_newerOnes_is_not_missed()
    {
        await IngestAsync(One, RunOf("early", "ag_1", "u_1", 1));

        // A slow writer: its transaction begins first and commits last, as a replica stalled mid-ingest would.
        await using var slow = new NpgsqlConnection(One.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO runs (event_id, run_id, workspace_id, agent_id, user_id, succeeded, started_at, completed_at, runtime_seconds, credits)
            VALUES ('slow', 'run-slow', 'ws_1', 'ag_slow', 'u_slow', true, '2026-11-27T00:09:50Z', '2026-11-27T00:10:00Z', 10, 1)
            """, slow, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await IngestAsync(One, RunOf("later", "ag_1", "u_1", 2));
        Assert.Equal([("ag_1", 2)], await TopAgentsAsync(Two));   // the newer transaction is in, the open one not yet

        await transaction.CommitAsync();
        Assert.Equal([("ag_1", 2), ("ag_slow", 1)], await TopAgentsAsync(Two));
        Assert.Equal([("ag_1", 2), ("ag_slow", 1)], await TopAgentsAsync(One));
    }

    [Fact]
    public async Task Concurrent_batches_on_both_replicas_are_each_counted_once()
    {
        var batches = Enumerable.Range(0, 24).Select(b => Enumerable.Range(0, 25)
            .Select(i => RunOf($"c-{b}-{i}", $"ag_{(b * 25 + i) % 7}", $"u_{i % 5}", (b * 25 + i) % 1_400)).ToArray()).ToList();
        var readers = Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 10; i++)
            {
                await TopAgentsAsync(i % 2 == 0 ? One : Two);
            }
        });
        // Every batch twice, once through each replica, all at once.
        await Task.WhenAll(batches.SelectMany(b => new[] { IngestAsync(One, b), IngestAsync(Two, b) }).Concat(readers));

        var expected = Enumerable.Range(0, 600).GroupBy(n => $"ag_{n % 7}").Select(g => (g.Key, (long)g.Count()))
            .OrderByDescending(a => a.Item2).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, await TopAgentsAsync(One));
        Assert.Equal(expected, await TopAgentsAsync(Two));
    }
}
