using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Executions.Rollups;
using Npgsql;

namespace ExecutiveDashboard.Executions.Reads;

/// <summary>
/// Sums the rollups over sets of pieces (<see cref="RollupPieces"/>): aligned rollup buckets plus raw-run
/// edges, all sent to PostgreSQL as arrays and summed per slot, one index range scan per piece, raw edges too (LATERAL, so
/// that the planner never trades them for one scan of the scope's whole rollup or of every run). Every read of run numbers
/// (the overview, the alert signals) goes through here, so they count the same way.
/// </summary>
public sealed class RunRollupReader(NpgsqlDataSource dataSource)
{
    private const double P95 = 0.95;

    public async Task<RunTotals[]> TotalsAsync(string storedScope, RollupPieces pieces, int slots, CancellationToken cancellationToken) =>
        (await TotalsAsync([storedScope], pieces, slots, cancellationToken))[storedScope];

    /// <summary>The totals of each slot for each scope: the same pieces for every scope, so <paramref name="storedScopes"/>
    /// are either workspaces or the platform alone (<see cref="ScopesOf"/>).</summary>
    public async Task<Dictionary<string, RunTotals[]>> TotalsAsync(
        IReadOnlyList<string> storedScopes, RollupPieces pieces, int slots, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH p AS (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS p(grain, t0, t1, i)),
                 w AS (SELECT DISTINCT unnest($4::text[]) AS scope)
            SELECT w.scope, p.i, coalesce(s.runs, 0)::bigint, coalesce(s.succeeded, 0)::bigint,
                   coalesce(s.runtime_sum, 0), coalesce(s.credits, 0)
            FROM w CROSS JOIN p CROSS JOIN LATERAL (
                SELECT sum(runs) AS runs, sum(succeeded) AS succeeded, sum(runtime_sum) AS runtime_sum, sum(credits) AS credits
                FROM run_stats WHERE scope = w.scope AND grain = p.grain AND bucket_start >= p.t0 AND bucket_start < p.t1) s
            WHERE p.grain <> 'r'
            UNION ALL
            SELECT w.scope, p.i, r.runs, r.succeeded, r.runtime_sum, r.credits
            FROM w CROSS JOIN p CROSS JOIN LATERAL (
                SELECT count(*) AS runs, count(*) FILTER (WHERE succeeded) AS succeeded,
                       coalesce(sum(runtime_seconds), 0) AS runtime_sum, coalesce(sum(credits), 0) AS credits
                FROM runs WHERE completed_at >= p.t0 AND completed_at < p.t1 {ScopesOf(storedScopes)}) r
            WHERE p.grain = 'r'
            """;
        var result = storedScopes.Distinct().ToDictionary(s => s, _ => new RunTotals[slots]);
        await using var command = pieces.Command(dataSource, sql, (object)storedScopes.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (totals, piece) = (result[reader.GetString(0)], (int)reader.GetInt64(1) - 1);
            var sums = new RunTotals(reader.GetInt64(2), reader.GetInt64(3), reader.GetDouble(4), reader.GetDecimal(5));
            foreach (var slot in pieces.SlotsOf[piece])
            {
                totals[slot] += sums;
            }
        }
        return result;
    }

    public async Task<double?> P95Async(string storedScope, RollupPieces pieces, CancellationToken cancellationToken) =>
        (await P95Async([storedScope], pieces, cancellationToken))[storedScope];

    /// <summary>The 95th percentile runtime over all the pieces (each distinct piece once, whatever its slots), in seconds, or null without runs, for each
    /// scope (workspaces, or the platform alone): the rollup pieces' histograms (<c>run_stats.runtime_bins</c>) summed bin
    /// by bin, plus the raw edges. Raw edges are binned in PostgreSQL with <see cref="RuntimeSketch.BinOf"/>'s
    /// mapping, so an edge of tens of thousands of runs at the platform scope comes back as a few hundred bins, not row by row.</summary>
    public async Task<Dictionary<string, double?>> P95Async(IReadOnlyList<string> storedScopes, RollupPieces pieces, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH p AS (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS p(grain, t0, t1)),
                 w AS (SELECT DISTINCT unnest($4::text[]) AS scope)
            SELECT w.scope, (h.e >> 32)::int, sum(h.e & 4294967295)::bigint
            FROM w CROSS JOIN p CROSS JOIN LATERAL (
                SELECT unnest(runtime_bins) AS e FROM run_stats
                WHERE scope = w.scope AND grain = p.grain AND bucket_start >= p.t0 AND bucket_start < p.t1 OFFSET 0) h
            WHERE p.grain <> 'r'
            GROUP BY 1, 2
            UNION ALL
            SELECT w.scope, CASE WHEN r.runtime_seconds <= 0 THEN $5 ELSE ceil(ln(r.runtime_seconds) / $6)::int END, count(*)
            FROM w CROSS JOIN p CROSS JOIN LATERAL (
                SELECT runtime_seconds FROM runs
                WHERE completed_at >= p.t0 AND completed_at < p.t1 {ScopesOf(storedScopes)} OFFSET 0) r
            WHERE p.grain = 'r'
            GROUP BY 1, 2
            """;
        var bins = storedScopes.Distinct().ToDictionary(s => s, _ => new Dictionary<int, long>());
        await using var command = pieces.Command(dataSource, sql, storedScopes.ToArray(), RuntimeSketch.ZeroBin, RuntimeSketch.LogGamma);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (scope, bin) = (bins[reader.GetString(0)], reader.GetInt32(1));
            scope[bin] = scope.GetValueOrDefault(bin) + reader.GetInt64(2);
        }
        return bins.ToDictionary(b => b.Key, b => RuntimeSketch.Percentile(b.Value, P95) is { } p ? Round.Seconds(p) : (double?)null);
    }

    /// <summary>The raw runs' filter: the platform reads every run of the piece (by completion time), a workspace
    /// its own (by workspace and completion time). One statement never mixes the two, whose grains differ too.</summary>
    private static string ScopesOf(IReadOnlyList<string> storedScopes) =>
        storedScopes.Contains(Scopes.PlatformKey)
            ? storedScopes.Distinct().Count() == 1
                ? ""
                : throw new ArgumentException("The platform is read on its own, not with workspaces.", nameof(storedScopes))
            : "AND workspace_id = w.scope";
}
