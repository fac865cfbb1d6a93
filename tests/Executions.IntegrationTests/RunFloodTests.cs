using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.TestSupport;
using Npgsql;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>
/// Issue 18, case 1: one tenant's ingest token sent 11 batches of 1,000 runs of 99,999,999,999,999 credits each; the
/// platform's rollup sum overflowed its numeric(24, 6) column, every fold failed, and every workspace's numbers went
/// degraded. Now such a run is refused at ingest, and no volume of valid runs can overflow the platform's rollups.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RunFloodTests(ExecutionsServersFixture servers) : ServiceTests<ExecutionsService>(servers)
{
    private const string AsOf = "2026-11-29T00:00:00Z";   // "24h" is then exactly 2026-11-28
    private static readonly DateTime T = At("2026-11-28T10:00:00Z");

    [Fact]
    public async Task Eleven_batches_of_runs_at_the_old_column_limit_are_each_refused_and_store_nothing()
    {
        using var tenant = Service.ClientFor("ingest", "ws_flood");

        for (var b = 0; b < 11; b++)
        {
            var runs = Enumerable.Range(0, 1_000).Select(i => (JsonNode)Run($"flood-{b}-{i}", "ws_flood", "ag_f", "u_f", "succeeded",
                T.AddMilliseconds(i), 10, 99_999_999_999_999m)).ToArray();

            using var response = await tenant.PostAsync("/api/executions/events", Batch(runs));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
            Assert.Equal(1_000, errors.Count);
            Assert.Equal($"event 0 (flood-{b}-0, run.completed): must be a number from 0 to 1,000,000 (got '99999999999999')",
                errors["[0].credits"]![0]!.GetValue<string>());
        }

        Assert.Equal(0, await Service.ScalarAsync("SELECT count(*) FROM ingested_events"));
        Assert.Equal(0, await Service.ScalarAsync("SELECT count(*) FROM runs"));
    }

    [Fact]
    public async Task A_platform_rollup_past_the_old_column_limit_keeps_every_number_exact()
    {
        using var ingest = Service.Ingest;   // the service is up and migrated

        // The platform's rows of 10:00 as if 2^32 − 1 runs of 10 s had come before, costing 10^18 − 1 credits: the most
        // numeric(24, 6) held, and a full runtime bin. The day, hour and minute rows agree, so any read of them is consistent.
        const long seededRuns = uint.MaxValue;
        const decimal seededCredits = 999_999_999_999_999_999m;
        var bins = RuntimeSketch.ToSqlArray(new SortedDictionary<int, long> { [RuntimeSketch.BinOf(10)] = seededRuns });
        await ExecuteAsync($"""
            INSERT INTO run_stats (scope, grain, bucket_start, runs, succeeded, runtime_sum, credits, runtime_bins)
            VALUES ('*', 'd', '2026-11-28T00:00:00Z', {seededRuns}, {seededRuns}, {seededRuns * 10.0}, {seededCredits}, '{bins}'),
                   ('*', 'h', '2026-11-28T10:00:00Z', {seededRuns}, {seededRuns}, {seededRuns * 10.0}, {seededCredits}, '{bins}'),
                   ('*', 'm', '2026-11-28T10:00:00Z', {seededRuns}, {seededRuns}, {seededRuns * 10.0}, {seededCredits}, '{bins}')
            """);

        // Valid runs of three workspaces in that minute: the flooding tenant at the most a run may cost.
        using (var response = await ingest.PostAsync("/api/executions/events", Batch(
            Run("a-1", "ws_a", "ag_a", "u_a", "succeeded", T.AddSeconds(10), 10, 1_000_000m),
            Run("a-2", "ws_a", "ag_a", "u_a", "failed", T.AddSeconds(20), 30, 0.5m),
            Run("b-1", "ws_b", "ag_b", "u_b", "succeeded", T.AddSeconds(30), 10, 250.25m),
            Run("f-1", "ws_flood", "ag_f", "u_f", "succeeded", T.AddSeconds(40), 10, 1_000_000m),
            Run("f-2", "ws_flood", "ag_f", "u_f", "succeeded", T.AddSeconds(41), 10, 1_000_000m),
            Run("f-3", "ws_flood", "ag_f", "u_f", "succeeded", T.AddSeconds(42), 10, 1_000_000m))))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // The other workspaces, by hand.
        var a = await Service.OverviewAsync("ws_a", "24h", AsOf);
        Assert.Equal(2, a.ExecutionMetrics.TotalRuns);
        Assert.Equal(50.0, a.ExecutionMetrics.SuccessRate);
        Assert.Equal(20.0, a.ExecutionMetrics.AvgRuntime);
        Assert.Equal(1_000_000.50m, a.ExecutionMetrics.TotalCreditsUsed);
        Assert.InRange(a.ExecutionMetrics.P95Runtime!.Value, 29 * 0.98, 29 * 1.02);   // percentile_cont(0.95) of 10, 30 = 29
        Assert.False(a.CatchingUp);

        var b = await Service.OverviewAsync("ws_b", "24h", AsOf);
        Assert.Equal(1, b.ExecutionMetrics.TotalRuns);
        Assert.Equal(100.0, b.ExecutionMetrics.SuccessRate);
        Assert.Equal(250.25m, b.ExecutionMetrics.TotalCreditsUsed);

        // The platform: the seeded totals plus the six runs, to the last credit and the last run.
        var all = await Service.OverviewAsync("all", "24h", AsOf);
        var m = all.ExecutionMetrics;
        Assert.Equal(seededRuns + 6, m.TotalRuns);
        Assert.Equal(seededRuns + 5, m.SuccessfulRuns);
        Assert.Equal(1_000_000_000_004_000_249.75m, m.TotalCreditsUsed);   // 10^18 − 1 + 4,000,000 + 0.5 + 250.25
        Assert.Equal(10.0, m.AvgRuntime);                                  // (10 (2^32 − 1) + 80) / (2^32 + 5), to 3 decimals
        Assert.InRange(m.P95Runtime!.Value, 10 * 0.98, 10 * 1.02);          // a bin of 2^32 + 4 runs of 10 s, stored as two elements
        Assert.Equal(seededRuns + 6, all.ExecutionTrend.Single(p => p.Timestamp == At("2026-11-28T10:00:00Z")).Value);
        Assert.Equal(seededRuns + 6, all.ExecutionTrend.Sum(p => p.Value));
        Assert.Equal([("u_f", 3L, 3_000_000m), ("u_a", 2L, 1_000_000.50m), ("u_b", 1L, 250.25m)],
            all.TopUsers.Select(u => (u.Id, u.Runs, u.CreditsUsed)));
        Assert.False(all.CatchingUp);

        Assert.Equal(0, await Service.ScalarAsync("SELECT count(*) FROM unfolded_events"));
        Assert.Equal(3, await Service.ScalarAsync(
            "SELECT count(*) FROM run_stats WHERE scope = '*' AND credits = 1000000000004000249.75 AND runs = 4294967301"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
