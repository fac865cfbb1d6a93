using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Reads;
using ExecutiveDashboard.Executions.Rollups;
using Npgsql;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>
/// 1,000 random runs (<see cref="RandomRunsFixture"/>), then every read is compared with the same number computed by PostgreSQL
/// straight from the raw runs: the rollups, the day/hour/minute slicing and the raw edges must
/// agree exactly for aligned and unaligned asOf, for every timeframe and scope.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RollupConsistencyTests(RandomRunsFixture seeded) : IClassFixture<RandomRunsFixture>
{
    private static readonly DateTime Origin = RandomRunsFixture.Origin;
    private readonly ExecutionsService _service = seeded.Service;

    /// <summary>Raw edges are binned by PostgreSQL (<see cref="RunRollupReader.P95Async"/>). Every bin's value is within 1 % of
    /// each runtime in it (the sketch's accuracy), so the percentile interpolated between two of them is within 1 % of
    /// PostgreSQL's own <c>percentile_cont</c> over the same runs, give or take the half millisecond of rounding.</summary>
    [Fact]
    public async Task Runtimes_binned_by_PostgreSQL_give_the_percentile_within_the_sketchs_accuracy()
    {
        await using var dataSource = NpgsqlDataSource.Create(_service.ConnectionString);
        var reader95 = new RunRollupReader(dataSource);
        var random = new Random(95);
        for (var i = 0; i < 30; i++)
        {
            var workspace = i % 3 == 0 ? null : $"ws_{random.Next(3)}";
            var start = Origin.AddHours(random.Next(0, 40 * 24));
            var period = new Period(start, start.AddHours(random.Next(1, 20 * 24)));
            var pieces = new RollupPieces();
            pieces.Add(0, new Slice(Grain.Raw, period));

            await using var exact = dataSource.CreateCommand($"""
                SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY runtime_seconds) FROM runs
                WHERE completed_at >= '{Iso(period.Start)}' AND completed_at < '{Iso(period.End)}' {(workspace is null ? "" : $"AND workspace_id = '{workspace}'")}
                """);
            var actual = await reader95.P95Async(workspace ?? "*", pieces, default);
            if (await exact.ExecuteScalarAsync() is double p95)
            {
                Assert.InRange(actual!.Value, p95 * 0.99 - 0.0005, p95 * 1.01 + 0.0005);
            }
            else
            {
                Assert.Null(actual);
            }
        }
    }

    /// <summary>Each run_stats row carries the histogram of its runs; batches folded apart add into shared rows (the folder
    /// adds the stored histogram to the new runs' and writes the sum). Every row's histogram must be exactly its raw runs
    /// binned, bin by bin, as PostgreSQL bins them here by the sketch's definition: bin ⌈ln(seconds) / ln γ⌉ with
    /// γ = 1.01 / 0.99 (1 % accuracy), no time at all in a bin of its own; rows per UTC day and hour, and for the
    /// platform (<c>*</c>) per minute too.</summary>
    [Fact]
    public async Task Every_rollup_rows_histogram_holds_exactly_its_runs_binned()
    {
        await _service.OverviewAsync("all", "24h", "2026-11-20T00:00:00Z");   // a read folds whatever is left
        await using var dataSource = NpgsqlDataSource.Create(_service.ConnectionString);

        var expected = await HistogramsAsync(dataSource, """
            SELECT scope, grain, date_trunc(unit, completed_at, 'UTC'),
                   CASE WHEN runtime_seconds <= 0 THEN -2147483648 ELSE ceil(ln(runtime_seconds) / ln(1.01::float8 / 0.99::float8))::int END,
                   count(*)
            FROM runs
            CROSS JOIN LATERAL (VALUES (workspace_id), ('*')) AS s(scope)
            JOIN (VALUES ('d', 'day'), ('h', 'hour'), ('m', 'minute')) AS g(grain, unit) ON grain <> 'm' OR scope = '*'
            GROUP BY 1, 2, 3, 4
            """);
        var stored = await HistogramsAsync(dataSource, """
            SELECT scope, grain, bucket_start, (e >> 32)::int, e & 4294967295 FROM run_stats, unnest(runtime_bins) AS e
            """);

        Assert.True(expected.Count > 1_000, "the dataset should fill day, hour and minute rows");
        Assert.Equal(expected.Keys, stored.Keys);
        foreach (var (key, bins) in expected)
        {
            Assert.True(bins.SequenceEqual(stored[key]), $"{key}: expected {string.Join(' ', bins)}, stored {string.Join(' ', stored[key])}");
        }
    }

    /// <summary>Rows of (scope, grain, bucket, bin, runs) as a histogram per rollup row; a bin that comes twice adds up.</summary>
    private static async Task<SortedDictionary<string, SortedDictionary<int, long>>> HistogramsAsync(NpgsqlDataSource dataSource, string sql)
    {
        var rows = new SortedDictionary<string, SortedDictionary<int, long>>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = $"{reader.GetString(0)} {reader.GetString(1)} {Iso(reader.GetDateTime(2))}";
            var bins = rows.TryGetValue(key, out var found) ? found : rows[key] = [];
            bins[reader.GetInt32(3)] = bins.GetValueOrDefault(reader.GetInt32(3)) + reader.GetInt64(4);
        }
        return rows;
    }

    public static TheoryData<string, string, string> Reads => new()
    {
        { "ws_0", "24h", "2026-11-20T00:00:00Z" },
        { "ws_1", "24h", "2026-11-20T13:37:42.123Z" },
        { "ws_2", "7d", "2026-11-25T06:00:00Z" },
        { "all", "7d", "2026-11-25T17:59:59.999Z" },
        { "ws_0", "30d", "2026-11-29T10:11:12.345Z" },
        { "all", "30d", "2026-11-29T00:00:00Z" },
        { "ws_1", "90d", "2026-11-30T23:59:59.001Z" },
        { "all", "all", "2026-11-15T08:30:00.500Z" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Every_number_equals_a_direct_computation_over_raw_runs(string scope, string timeframe, string asOf)
    {
        var o = await _service.OverviewAsync(scope, timeframe, asOf);
        var where = scope == "all" ? "" : $"AND workspace_id = '{scope}'";
        await using var connection = new NpgsqlConnection(_service.ConnectionString);
        await connection.OpenAsync();
        await using var earliest = new NpgsqlCommand($"SELECT min(completed_at) FROM runs WHERE true {where}", connection);
        var period = ExpectedPeriods.Current(timeframe, At(asOf), (DateTime)(await earliest.ExecuteScalarAsync())!);
        Assert.Equal((period.Start, period.End), (o.Period.Start, o.Period.End));
        var (start, end) = ($"'{Iso(period.Start)}'::timestamptz", $"'{asOf}'::timestamptz");
        var inPeriod = $"completed_at >= {start} AND completed_at < {end} {where}";

        await using (var totals = new NpgsqlCommand($"""
            SELECT count(*), count(*) FILTER (WHERE succeeded), coalesce(sum(credits), 0),
                   round(avg(runtime_seconds)::numeric, 3), percentile_cont(0.95) WITHIN GROUP (ORDER BY runtime_seconds),
                   count(DISTINCT (workspace_id, agent_id))
            FROM runs WHERE {inPeriod}
            """, connection))
        await using (var reader = await totals.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            var m = o.ExecutionMetrics;
            Assert.Equal(reader.GetInt64(0), m.TotalRuns);
            Assert.True(m.TotalRuns > 0, "the dataset should put runs in every period read here");
            Assert.Equal(reader.GetInt64(1), m.SuccessfulRuns);
            Assert.Equal(Math.Round(reader.GetDecimal(2), 2), m.TotalCreditsUsed);
            Assert.Equal((double)reader.GetDecimal(3), m.AvgRuntime!.Value, 3);
            var p95 = reader.GetDouble(4);
            Assert.InRange(m.P95Runtime!.Value, p95 * 0.98, p95 * 1.02);
            Assert.Equal(reader.GetInt64(5), o.AgentMetrics.ActiveAgents);
        }

        // Trend buckets: the same counts, bucket by bucket.
        var buckets = ExpectedPeriods.TrendBuckets(timeframe, period.Start, period.End);
        Assert.Equal(buckets.Select(b => b.Start), o.ExecutionTrend.Select(p => p.Timestamp));
        foreach (var (point, bucketPeriod) in o.ExecutionTrend.Zip(buckets))
        {
            await using var bucket = new NpgsqlCommand($"""
                SELECT count(*), count(*) FILTER (WHERE NOT succeeded) FROM runs
                WHERE completed_at >= greatest('{Iso(bucketPeriod.Start)}'::timestamptz, {start}) AND completed_at < '{Iso(bucketPeriod.End)}'::timestamptz {where}
                """, connection);
            await using var reader = await bucket.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal((reader.GetInt64(0), reader.GetInt64(1)), ((long)point.Value, point.Failed!.Value));
        }

        // Top agents: same order, ties by id, each with its workspace.
        await using (var top = new NpgsqlCommand($"""
            SELECT agent_id, workspace_id, count(*) FROM runs WHERE {inPeriod}
            GROUP BY workspace_id, agent_id ORDER BY count(*) DESC, agent_id, workspace_id LIMIT 10
            """, connection))
        await using (var reader = await top.ExecuteReaderAsync())
        {
            var expected = new List<(string, string, long)>();
            while (await reader.ReadAsync())
            {
                expected.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }
            Assert.Equal(expected, o.AgentMetrics.TopAgents.Select(a => (a.Id, a.WorkspaceId, a.Runs)).ToList());
        }
    }
}
