using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Queries;
using Npgsql;

namespace ExecutiveDashboard.Executions.Reads;

/// <summary>
/// Reads the executions part of the dashboard for one scope from the rollups. Each period (current,
/// previous, every trend bucket) is cut by <see cref="PeriodSlicer"/> into aligned rollup pieces plus
/// raw edges; all pieces go to PostgreSQL as arrays and come back summed per period, so a read costs
/// one index range scan per piece whatever the history holds (LATERAL, so that the planner never
/// trades them for one scan of the scope's whole rollup). The top agents and users come from the
/// in-memory <see cref="RunLeaderboards"/>.
/// </summary>
public sealed class ExecutionsOverviewQuery(
    NpgsqlDataSource dataSource, RollupFolder folder, RunLeaderboards leaderboards, RunLeaderboardFeed feed, RunRollupReader rollups)
{
    public async Task<ExecutionsOverview> GetAsync(OverviewRequest request, CancellationToken cancellationToken)
    {
        var (scope, timeframe, asOf) = (request.Scope, request.Timeframe, request.AsOf);
        var workspace = scope == Scopes.Platform ? null : scope;
        var storedScope = workspace ?? Scopes.PlatformKey;
        var caughtUp = await folder.CatchUpAsync(cancellationToken);

        var period = await ScopeBounds.PeriodOfAsync(dataSource, request, cancellationToken);
        var buckets = period.TrendBuckets();

        var grains = RunRollups.GrainsOf(storedScope);
        var pieces = RollupPieces.Of([period.Current, period.Previous ?? new Period(period.Current.Start, period.Current.Start)], grains);
        List<DateTime> boundaries = buckets.Count == 0 ? [] : [buckets[0].Start, .. buckets.Select(b => b.End)];
        AddRunningTotalPieces(pieces, firstSlot: 2, boundaries, grains);

        var totals = rollups.TotalsAsync(storedScope, pieces, 2 + 2 * boundaries.Count, cancellationToken);
        var p95 = rollups.P95Async(storedScope, RollupPieces.Of([period.Current], grains), cancellationToken);
        var leaderboard = LeaderboardAsync(workspace, period.Current, cancellationToken);
        var totalAgents = TotalAgentsAsync(workspace, asOf, cancellationToken);
        await Task.WhenAll(totals, p95, leaderboard, totalAgents);

        var bySlot = totals.Result;
        var atBoundary = RunningTotals(bySlot.AsSpan(2));
        return ExecutionsOverviewBuilder.Build(
            period,
            current: bySlot[0],
            previous: period.Previous is null ? null : bySlot[1],
            p95Runtime: p95.Result,
            totalAgents: totalAgents.Result,
            activeAgents: leaderboard.Result.Board.ActiveAgents,
            topAgents: leaderboard.Result.TopAgents,
            topUsers: leaderboard.Result.Board.TopUsers,
            buckets: buckets.Select((b, i) => (b, atBoundary[i + 1] - atBoundary[i])).ToList())
            with { CatchingUp = !caughtUp };
    }

    /// <summary>
    /// Trend buckets are consecutive and start at an unaligned time, so slicing each one on its own would cost
    /// some 80 pieces of hours and minutes per bucket. Instead each boundary b gets a running total: the whole
    /// days (coarsest grain) since the previous boundary's day (slot <c>2j</c>), and the part of b's own day
    /// before b (slot <c>2j + 1</c>). A bucket is the difference of its two boundaries' totals, which is
    /// exact for counts; the trends use only counts.
    /// </summary>
    private static void AddRunningTotalPieces(RollupPieces pieces, int firstSlot, IReadOnlyList<DateTime> boundaries, Grain[] grains)
    {
        var coarsest = grains[0];
        for (var j = 0; j < boundaries.Count; j++)
        {
            var day = coarsest.Floor(boundaries[j]);
            if (j > 0)
            {
                pieces.Add(firstSlot + 2 * j, new Slice(coarsest, new Period(coarsest.Floor(boundaries[j - 1]), day)));
            }
            foreach (var slice in PeriodSlicer.Slice(new Period(day, boundaries[j]), grains))
            {
                pieces.Add(firstSlot + 2 * j + 1, slice);
            }
        }
    }

    /// <summary>Each boundary's total since the first boundary's day, from the slots of <see cref="AddRunningTotalPieces"/>.</summary>
    private static RunTotals[] RunningTotals(ReadOnlySpan<RunTotals> slots)
    {
        var totals = new RunTotals[slots.Length / 2];
        var wholeDays = default(RunTotals);
        for (var j = 0; j < totals.Length; j++)
        {
            wholeDays += slots[2 * j];
            totals[j] = wholeDays + slots[2 * j + 1];
        }
        return totals;
    }

    /// <summary>The leaderboard of the period, with the top agents' latest names.</summary>
    private async Task<(Leaderboard Board, IReadOnlyList<AgentRow> TopAgents)> LeaderboardAsync(
        string? workspace, Period current, CancellationToken cancellationToken)
    {
        await feed.CatchUpAsync(cancellationToken);
        var board = leaderboards.Read(workspace, current.Start, current.End);

        await using var command = dataSource.CreateCommand("""
            SELECT k.i, a.name FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(workspace_id, agent_id, i)
            JOIN agents a USING (workspace_id, agent_id)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = board.TopAgents.Select(a => a.WorkspaceId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = board.TopAgents.Select(a => a.AgentId).ToArray() });
        var names = new string?[board.TopAgents.Count];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                names[reader.GetInt64(0) - 1] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }
        return (board, board.TopAgents.Select((a, i) => new AgentRow(a.AgentId, a.WorkspaceId, names[i], a.Totals)).ToList());
    }

    private async Task<long> TotalAgentsAsync(string? workspace, DateTime asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM agents WHERE ($1::text IS NULL OR workspace_id = $1) AND first_seen_at < $2");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)workspace ?? DBNull.Value, DataTypeName = "text" });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
