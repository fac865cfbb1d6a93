using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.ServiceDefaults.Queries;
using Npgsql;

namespace ExecutiveDashboard.Executions.Metrics;

/// <summary>
/// Reads the executions part of the dashboard for one scope from the rollups. Each period (current,
/// previous, every trend bucket) is cut by <see cref="PeriodSlicer"/> into aligned rollup pieces plus
/// raw edges; all pieces go to PostgreSQL as arrays and come back summed per period, so a read costs
/// a handful of index range scans whatever the history holds.
/// </summary>
public sealed class ExecutionsOverviewQuery(NpgsqlDataSource dataSource)
{
    private const double P95 = 0.95;
    private const int TopCount = 10;

    public async Task<ExecutionsOverview> GetAsync(OverviewRequest request, CancellationToken cancellationToken)
    {
        var (scope, timeframe, asOf) = (request.Scope, request.Timeframe, request.AsOf);
        var workspace = scope == Scopes.Platform ? null : scope;
        var storedScope = workspace ?? RunRollups.Platform;

        var earliest = timeframe == Timeframe.All ? request.EarliestOf(await EarliestEventApi.EarliestAsync(dataSource, scope, cancellationToken)) : null;
        var period = ReportingPeriod.For(timeframe, asOf, earliest);
        var buckets = period.TrendBuckets();

        var periods = new List<Period> { period.Current, period.Previous ?? new Period(period.Current.Start, period.Current.Start) };
        periods.AddRange(buckets);
        var currentOnly = Pieces([period.Current], RunRollups.DetailGrains);

        var totals = TotalsAsync(storedScope, workspace, Pieces(periods, RunRollups.StatsGrainsOf(storedScope)), periods.Count, cancellationToken);
        var p95 = PercentileAsync(storedScope, workspace, Pieces([period.Current], RunRollups.HistogramGrainsOf(storedScope)), cancellationToken);
        var agents = TopAgentsAsync(workspace, currentOnly, cancellationToken);
        var users = TopUsersAsync(workspace, currentOnly, cancellationToken);
        var totalAgents = TotalAgentsAsync(workspace, asOf, cancellationToken);
        await Task.WhenAll(totals, p95, agents, users, totalAgents);

        var byPeriod = totals.Result;
        return ExecutionsOverviewBuilder.Build(
            period,
            current: byPeriod[0],
            previous: period.Previous is null ? null : byPeriod[1],
            p95Runtime: p95.Result,
            totalAgents: totalAgents.Result,
            activeAgents: agents.Result.Active,
            topAgents: agents.Result.Top,
            topUsers: users.Result,
            buckets: buckets.Select((b, i) => (b, byPeriod[i + 2])).ToList());
    }

    /// <summary>Slices of every period, flattened into the four arrays the SQL unnests.</summary>
    private static PieceArrays Pieces(IReadOnlyList<Period> periods, Grain[] grains)
    {
        var pieces = new PieceArrays();
        for (var i = 0; i < periods.Count; i++)
        {
            foreach (var slice in PeriodSlicer.Slice(periods[i], grains))
            {
                pieces.Slot.Add(i);
                pieces.Grain.Add(slice.Grain.Code());
                pieces.From.Add(slice.Period.Start);
                pieces.To.Add(slice.Period.End);
            }
        }
        return pieces;
    }

    private async Task<RunTotals[]> TotalsAsync(string storedScope, string? workspace, PieceArrays pieces, int slots, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH p AS (SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS p(slot, grain, t0, t1))
            SELECT p.slot, sum(s.runs)::bigint, sum(s.succeeded)::bigint, sum(s.runtime_sum), sum(s.credits)
            FROM p JOIN run_stats s ON s.scope = $5 AND s.grain = p.grain AND s.bucket_start >= p.t0 AND s.bucket_start < p.t1
            WHERE p.grain <> 'r'
            GROUP BY p.slot
            UNION ALL
            SELECT p.slot, count(*), count(*) FILTER (WHERE r.succeeded), sum(r.runtime_seconds), sum(r.credits)
            FROM p JOIN runs r ON r.completed_at >= p.t0 AND r.completed_at < p.t1 AND ($6::text IS NULL OR r.workspace_id = $6)
            WHERE p.grain = 'r'
            GROUP BY p.slot
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

    private async Task<double?> PercentileAsync(string storedScope, string? workspace, PieceArrays pieces, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH p AS (SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS p(slot, grain, t0, t1))
            SELECT h.bin, sum(h.runs)::bigint, NULL::float8
            FROM p JOIN runtime_histogram h ON h.scope = $5 AND h.grain = p.grain AND h.bucket_start >= p.t0 AND h.bucket_start < p.t1
            WHERE p.grain <> 'r'
            GROUP BY h.bin
            UNION ALL
            SELECT NULL, 1, r.runtime_seconds
            FROM p JOIN runs r ON r.completed_at >= p.t0 AND r.completed_at < p.t1 AND ($6::text IS NULL OR r.workspace_id = $6)
            WHERE p.grain = 'r'
            """;
        var bins = new Dictionary<int, long>();
        await using var command = pieces.Command(dataSource, sql, storedScope, workspace);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bin = reader.IsDBNull(0) ? RuntimeSketch.BinOf(reader.GetDouble(2)) : reader.GetInt32(0);
            bins[bin] = bins.GetValueOrDefault(bin) + reader.GetInt64(1);
        }
        return RuntimeSketch.Percentile(bins, P95) is { } p ? Round.Seconds(p) : null;
    }

    private async Task<(long Active, IReadOnlyList<AgentRow> Top)> TopAgentsAsync(string? workspace, PieceArrays pieces, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH p AS (SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS p(slot, grain, t0, t1)),
            rows AS (
                SELECT a.workspace_id, a.agent_id, a.runs, a.succeeded, a.runtime_sum
                FROM p JOIN agent_stats a ON a.grain = p.grain AND a.bucket_start >= p.t0 AND a.bucket_start < p.t1
                    AND ($5::text IS NULL OR a.workspace_id = $5)
                WHERE p.grain <> 'r'
                UNION ALL
                SELECT r.workspace_id, r.agent_id, 1, r.succeeded::int, r.runtime_seconds
                FROM p JOIN runs r ON r.completed_at >= p.t0 AND r.completed_at < p.t1 AND ($5::text IS NULL OR r.workspace_id = $5)
                WHERE p.grain = 'r'),
            per_agent AS (
                SELECT workspace_id, agent_id, sum(runs)::bigint AS runs, sum(succeeded)::bigint AS succeeded, sum(runtime_sum) AS runtime_sum
                FROM rows GROUP BY workspace_id, agent_id)
            SELECT count(*) OVER (), pa.agent_id, ag.name, pa.runs, pa.succeeded, pa.runtime_sum
            FROM per_agent pa LEFT JOIN agents ag ON ag.workspace_id = pa.workspace_id AND ag.agent_id = pa.agent_id
            ORDER BY pa.runs DESC, pa.agent_id, pa.workspace_id
            LIMIT $6
            """;
        long active = 0;
        var top = new List<AgentRow>();
        await using var command = pieces.Command(dataSource, sql, workspace, TopCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            active = reader.GetInt64(0);
            top.Add(new AgentRow(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                new RunTotals(reader.GetInt64(3), reader.GetInt64(4), reader.GetDouble(5), 0)));
        }
        return (active, top);
    }

    private async Task<IReadOnlyList<UserRow>> TopUsersAsync(string? workspace, PieceArrays pieces, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH p AS (SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS p(slot, grain, t0, t1)),
            rows AS (
                SELECT u.workspace_id, u.user_id, u.runs, u.credits, u.last_completed_at
                FROM p JOIN user_stats u ON u.grain = p.grain AND u.bucket_start >= p.t0 AND u.bucket_start < p.t1
                    AND ($5::text IS NULL OR u.workspace_id = $5)
                WHERE p.grain <> 'r'
                UNION ALL
                SELECT r.workspace_id, r.user_id, 1, r.credits, r.completed_at
                FROM p JOIN runs r ON r.completed_at >= p.t0 AND r.completed_at < p.t1 AND ($5::text IS NULL OR r.workspace_id = $5)
                WHERE p.grain = 'r')
            SELECT user_id, workspace_id, sum(runs)::bigint AS runs, sum(credits), max(last_completed_at)
            FROM rows GROUP BY workspace_id, user_id
            ORDER BY runs DESC, user_id, workspace_id
            LIMIT $6
            """;
        var top = new List<UserRow>();
        await using var command = pieces.Command(dataSource, sql, workspace, TopCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            top.Add(new UserRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetDecimal(3), reader.GetDateTime(4)));
        }
        return top;
    }

    private async Task<long> TotalAgentsAsync(string? workspace, DateTime asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM agents WHERE ($1::text IS NULL OR workspace_id = $1) AND first_seen_at < $2");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)workspace ?? DBNull.Value, DataTypeName = "text" });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private sealed class PieceArrays
    {
        public List<int> Slot { get; } = [];
        public List<string> Grain { get; } = [];
        public List<DateTime> From { get; } = [];
        public List<DateTime> To { get; } = [];

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
}
