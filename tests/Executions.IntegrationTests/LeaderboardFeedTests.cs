using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using static Executions.IntegrationTests.Events;

namespace Executions.IntegrationTests;

/// <summary>
/// The top agents and users come from in-memory leaderboards fed from the runs table: every committed
/// run must reach every replica's leaderboards exactly once, whatever the order in which transactions
/// commit, and a read must see every run committed before it began.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaderboardFeedTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string AsOf = "2026-11-28T00:00:00Z";
    private static readonly DateTime Day = At("2026-11-27T00:00:00Z");
    private ExecutionsService _one = null!;
    private ExecutionsService _two = null!;

    public Task InitializeAsync()
    {
        _one = postgres.NewService();
        _two = postgres.Restart(_one);   // a second replica over the same database
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
    }

    private static JsonNode RunOf(string id, string agent, string user, int minute) =>
        Run(id, "ws_1", agent, user, "succeeded", Day.AddMinutes(minute), 10, 1m);

    private async Task IngestAsync(ExecutionsService replica, params JsonNode[] runs)
    {
        using var response = await replica.Ingest.PostAsync("/api/executions/events", Batch(runs));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<List<(string Id, long Runs)>> TopAgentsAsync(ExecutionsService replica) =>
        (await replica.OverviewAsync("ws_1", "24h", AsOf)).AgentMetrics.TopAgents.Select(a => (a.Id, a.Runs)).ToList();

    [Fact]
    public async Task A_run_stored_by_one_replica_is_in_the_other_replicas_next_read_once()
    {
        Assert.Empty(await TopAgentsAsync(_two));   // loaded, empty

        await IngestAsync(_one, RunOf("a", "ag_1", "u_1", 1), RunOf("b", "ag_1", "u_2", 2), RunOf("c", "ag_2", "u_1", 3));
        Assert.Equal([("ag_1", 2), ("ag_2", 1)], await TopAgentsAsync(_two));

        await IngestAsync(_two, RunOf("a", "ag_1", "u_1", 1), RunOf("d", "ag_2", "u_1", 4), RunOf("e", "ag_2", "u_3", 5));   // "a" again
        Assert.Equal([("ag_2", 3), ("ag_1", 2)], await TopAgentsAsync(_one));
        Assert.Equal([("ag_2", 3), ("ag_1", 2)], await TopAgentsAsync(_two));
        var users = (await _one.OverviewAsync("ws_1", "24h", AsOf)).TopUsers;
        Assert.Equal([("u_1", 3L), ("u_2", 1L), ("u_3", 1L)], users.Select(u => (u.Id, u.Runs)));
    }

    [Fact]
    public async Task A_transaction_that_commits_after_newer_ones_is_not_missed()
    {
        await IngestAsync(_one, RunOf("early", "ag_1", "u_1", 1));

        // A slow writer: its transaction begins first and commits last, as a replica stalled mid-ingest would.
        await using var slow = new NpgsqlConnection(_one.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO runs (event_id, run_id, workspace_id, agent_id, user_id, succeeded, started_at, completed_at, runtime_seconds, credits)
            VALUES ('slow', 'run-slow', 'ws_1', 'ag_slow', 'u_slow', true, '2026-11-27T00:09:50Z', '2026-11-27T00:10:00Z', 10, 1)
            """, slow, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await IngestAsync(_one, RunOf("later", "ag_1", "u_1", 2));
        Assert.Equal([("ag_1", 2)], await TopAgentsAsync(_two));   // the newer transaction is in, the open one not yet

        await transaction.CommitAsync();
        Assert.Equal([("ag_1", 2), ("ag_slow", 1)], await TopAgentsAsync(_two));
        Assert.Equal([("ag_1", 2), ("ag_slow", 1)], await TopAgentsAsync(_one));
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
                await TopAgentsAsync(i % 2 == 0 ? _one : _two);
            }
        });
        // Every batch twice, once through each replica, all at once.
        await Task.WhenAll(batches.SelectMany(b => new[] { IngestAsync(_one, b), IngestAsync(_two, b) }).Concat(readers));

        var expected = Enumerable.Range(0, 600).GroupBy(n => $"ag_{n % 7}").Select(g => (g.Key, (long)g.Count()))
            .OrderByDescending(a => a.Item2).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, await TopAgentsAsync(_one));
        Assert.Equal(expected, await TopAgentsAsync(_two));
    }
}
