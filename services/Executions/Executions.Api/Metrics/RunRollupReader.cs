using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Ingest;
using Npgsql;

namespace ExecutiveDashboard.Executions.Metrics;

/// <summary>
/// Sums the rollups over sets of pieces (<see cref="RollupPieces"/>): aligned rollup buckets plus raw-run
/// edges, all sent to PostgreSQL as arrays and summed per slot, one index range scan per piece, raw edges too (LATERAL, so
/// that the planner never trades them for one scan of the scope's whole rollup or of every run). Every read of run numbers
/// (the overview, the alert signals) goes through here, so they count the same way.
/// </summary>
public sealed class RunRollupReader(NpgsqlDataSource dataSource)
{
    private const double P95 = 0.95;

    public async Task<RunTotals[]> TotalsAsync(string storedScope, string? workspace, RollupPieces pieces, int slots, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH p AS (SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS p(slot, grain, t0, t1))
            SELECT p.slot, coalesce(sum(s.runs), 0)::bigint, coalesce(sum(s.succeeded), 0)::bigint,
                   coalesce(sum(s.runtime_sum), 0), coalesce(sum(s.credits), 0)
            FROM p CROSS JOIN LATERAL (
                SELECT sum(runs) AS runs, sum(succeeded) AS succeeded, sum(runtime_sum) AS runtime_sum, sum(credits) AS credits
                FROM run_stats WHERE scope = $5 AND grain = p.grain AND bucket_start >= p.t0 AND bucket_start < p.t1) s
            WHERE p.grain <> 'r'
            GROUP BY p.slot
            UNION ALL
            SELECT p.slot, r.runs, r.succeeded, r.runtime_sum, r.credits
            FROM p CROSS JOIN LATERAL (
                SELECT count(*) AS runs, count(*) FILTER (WHERE succeeded) AS succeeded,
                       coalesce(sum(runtime_seconds), 0) AS runtime_sum, coalesce(sum(credits), 0) AS credits
                FROM runs WHERE completed_at >= p.t0 AND completed_at < p.t1 AND ($6::text IS NULL OR workspace_id = $6)) r
            WHERE p.grain = 'r'
            """;
        var result = new RunTotals[slots];
        await using var command = pieces.Command(dataSource, sql, storedScope, workspace);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetInt32(0)] += new RunTotals(reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3), reader.GetDecimal(4));
        }
        return result;
    }

    /// <summary>The 95th percentile runtime over all the pieces (every slot), in seconds, or null without runs.
    /// Raw edges are binned in PostgreSQL with <see cref="RuntimeSketch.BinOf"/>'s mapping, so an edge of tens of
    /// thousands of runs at the platform scope comes back as a few hundred bins, not row by row.</summary>
    public async Task<double?> P95Async(string storedScope, string? workspace, RollupPieces pieces, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH p AS (SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS p(slot, grain, t0, t1))
            SELECT h.bin, sum(h.runs)::bigint
            FROM p CROSS JOIN LATERAL (
                SELECT bin, runs FROM runtime_histogram
                WHERE scope = $5 AND grain = p.grain AND bucket_start >= p.t0 AND bucket_start < p.t1 OFFSET 0) h
            WHERE p.grain <> 'r'
            GROUP BY h.bin
            UNION ALL
            SELECT CASE WHEN r.runtime_seconds <= 0 THEN $7 ELSE ceil(ln(r.runtime_seconds) / $8)::int END, count(*)
            FROM p CROSS JOIN LATERAL (
                SELECT runtime_seconds FROM runs
                WHERE completed_at >= p.t0 AND completed_at < p.t1 AND ($6::text IS NULL OR workspace_id = $6) OFFSET 0) r
            WHERE p.grain = 'r'
            GROUP BY 1
            """;
        var bins = new Dictionary<int, long>();
        await using var command = pieces.Command(dataSource, sql, storedScope, workspace, RuntimeSketch.ZeroBin, RuntimeSketch.LogGamma);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bin = reader.GetInt32(0);
            bins[bin] = bins.GetValueOrDefault(bin) + reader.GetInt64(1);
        }
        return RuntimeSketch.Percentile(bins, P95) is { } p ? Round.Seconds(p) : null;
    }
}

/// <summary>Slices of periods, each tagged with the slot its totals go to, flattened into the four arrays the SQL unnests.</summary>
public sealed class RollupPieces
{
    /// <summary>Slices of every period, flattened into the four arrays the SQL unnests.</summary>
    public static RollupPieces Of(IReadOnlyList<Period> periods, Grain[] grains)
    {
        var pieces = new RollupPieces();
        for (var i = 0; i < periods.Count; i++)
        {
            foreach (var slice in PeriodSlicer.Slice(periods[i], grains))
            {
                pieces.Add(i, slice);
            }
        }
        return pieces;
    }

    public List<int> Slot { get; } = [];
    public List<string> Grain { get; } = [];
    public List<DateTime> From { get; } = [];
    public List<DateTime> To { get; } = [];

    public void Add(int slot, Slice slice)
    {
        Slot.Add(slot);
        Grain.Add(slice.Grain.Code());
        From.Add(slice.Period.Start);
        To.Add(slice.Period.End);
    }

    public NpgsqlCommand Command(NpgsqlDataSource dataSource, string sql, params object?[] extra)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in (object?[])[Slot.ToArray(), Grain.ToArray(), From.ToArray(), To.ToArray(), .. extra])
        {
            command.Parameters.Add(value is null
                ? new NpgsqlParameter { Value = DBNull.Value, DataTypeName = "text" }
                : new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
