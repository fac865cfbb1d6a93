using System.Globalization;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Reads;
using ExecutiveDashboard.Executions.Rollups;
using Npgsql;

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

    /// <summary>Raw edges are binned by PostgreSQL (<see cref="RunRollupReader.P95Async"/>): over runs read raw, its
    /// percentile must be exactly the one the sketch gives from the same runtimes binned in memory.</summary>
    [Fact]
    public async Task Runtimes_binned_by_PostgreSQL_give_the_percentile_of_the_sketch_in_memory()
    {
        await using var dataSource = NpgsqlDataSource.Create(_service.ConnectionString);
        var runs = new List<(string Workspace, DateTime At, double Runtime)>();
        await using (var command = dataSource.CreateCommand("SELECT workspace_id, completed_at, runtime_seconds FROM runs"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                runs.Add((reader.GetString(0), reader.GetDateTime(1), reader.GetDouble(2)));
            }
        }
        var reader95 = new RunRollupReader(dataSource);
        var random = new Random(95);
        for (var i = 0; i < 30; i++)
        {
            var workspace = i % 3 == 0 ? null : $"ws_{random.Next(3)}";
            var start = Origin.AddHours(random.Next(0, 40 * 24));
            var period = new Period(start, start.AddHours(random.Next(1, 20 * 24)));
            var pieces = new RollupPieces();
            pieces.Add(0, new Slice(Grain.Raw, period));

            var inPeriod = runs.Where(r => (workspace is null || r.Workspace == workspace) && r.At >= period.Start && r.At < period.End).ToList();
            var bins = inPeriod.GroupBy(r => RuntimeSketch.BinOf(r.Runtime)).Select(g => KeyValuePair.Create(g.Key, g.LongCount()));
            var expected = RuntimeSketch.Percentile(bins, 0.95) is { } p ? Round.Seconds(p) : (double?)null;
            Assert.Equal(expected, await reader95.P95Async(workspace ?? "*", pieces, default));
        }
    }

    /// <summary>Each run_stats row carries the histogram of its runs; batches folded apart add into shared rows (the folder
    /// adds the stored histogram to the new runs' and writes the sum). Every row's histogram must be exactly its raw runs binned, bin by bin.</summary>
    [Fact]
    public async Task Every_rollup_rows_histogram_holds_exactly_its_runs_binned()
    {
        await _service.OverviewAsync("all", "24h", "2026-11-20T00:00:00Z");   // a read folds whatever is left
        await using var dataSource = NpgsqlDataSource.Create(_service.ConnectionString);

        var expected = new SortedDictionary<string, SortedDictionary<int, long>>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("SELECT workspace_id, completed_at, runtime_seconds FROM runs"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var (at, bin) = (reader.GetDateTime(1), RuntimeSketch.BinOf(reader.GetDouble(2)));
                foreach (var scope in (string[])[reader.GetString(0), "*"])
                {
                    foreach (var grain in RunRollups.GrainsOf(scope))
                    {
                        var bins = Row(expected, $"{scope} {grain.Code()} {Iso(grain.Floor(at))}");
                        bins[bin] = bins.GetValueOrDefault(bin) + 1;
                    }
                }
            }
        }

        var stored = new SortedDictionary<string, SortedDictionary<int, long>>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("SELECT scope, grain, bucket_start, runtime_bins FROM run_stats"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var bins = Row(stored, $"{reader.GetString(0)} {reader.GetString(1)} {Iso(reader.GetDateTime(2))}");
                foreach (var e in reader.GetFieldValue<long[]>(3))
                {
                    bins.Add((int)(e >> 32), e & 0xFFFF_FFFF);
                }
            }
        }

        Assert.True(expected.Count > 1_000, "the dataset should fill day, hour and minute rows");
        Assert.Equal(expected.Keys, stored.Keys);
        foreach (var (key, bins) in expected)
        {
            Assert.True(bins.SequenceEqual(stored[key]), $"{key}: expected {string.Join(' ', bins)}, stored {string.Join(' ', stored[key])}");
        }

        static SortedDictionary<int, long> Row(SortedDictionary<string, SortedDictionary<int, long>> rows, string key) =>
            rows.TryGetValue(key, out var bins) ? bins : rows[key] = [];
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
        var (start, end) = ($"'{Iso(o.Period.Start)}'::timestamptz", $"'{asOf}'::timestamptz");
        var inPeriod = $"completed_at >= {start} AND completed_at < {end} {where}";

        await using var connection = new NpgsqlConnection(_service.ConnectionString);
        await connection.OpenAsync();
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
        foreach (var (point, index) in o.ExecutionTrend.Select((p, i) => (p, i)))
        {
            var bucketEnd = index + 1 < o.ExecutionTrend.Count ? $"'{Iso(o.ExecutionTrend[index + 1].Timestamp)}'::timestamptz" : end;
            await using var bucket = new NpgsqlCommand($"""
                SELECT count(*), count(*) FILTER (WHERE NOT succeeded) FROM runs
                WHERE completed_at >= greatest('{Iso(point.Timestamp)}'::timestamptz, {start}) AND completed_at < least({bucketEnd}, {end}) {where}
                """, connection);
            await using var reader = await bucket.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal((reader.GetInt64(0), reader.GetInt64(1)), ((long)point.Value, point.Failed!.Value));
        }

        // Top agents: same order, ties by id.
        await using (var top = new NpgsqlCommand($"""
            SELECT agent_id, count(*) FROM runs WHERE {inPeriod}
            GROUP BY workspace_id, agent_id ORDER BY count(*) DESC, agent_id, workspace_id LIMIT 10
            """, connection))
        await using (var reader = await top.ExecuteReaderAsync())
        {
            var expected = new List<(string, long)>();
            while (await reader.ReadAsync())
            {
                expected.Add((reader.GetString(0), reader.GetInt64(1)));
            }
            Assert.Equal(expected, o.AgentMetrics.TopAgents.Select(a => (a.Id, a.Runs)).ToList());
        }
    }
}
