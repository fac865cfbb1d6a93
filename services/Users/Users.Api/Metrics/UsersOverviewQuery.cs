using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.ServiceDefaults.Queries;
using Npgsql;

namespace ExecutiveDashboard.Users.Metrics;

/// <summary>
/// Reads the users part of the dashboard for one scope. Every window (period, previous period, dau/wau/mau
/// and the windows before them, every trend bucket) is cut by <see cref="PeriodSlicer"/> into whole days and
/// hours of the activity rollup plus raw sub-hour edges; all pieces go to PostgreSQL as arrays and come
/// back as exact distinct counts per window, so a read never scans more raw events than two partial hours
/// per window.
/// </summary>
public sealed class UsersOverviewQuery(NpgsqlDataSource dataSource, ActivitySpansCache spans)
{
    /// <summary>False reads through the day/hour rollup query only (kept as the fallback; benchmarks and
    /// the equivalence test compare both).</summary>
    internal bool UseSpans { get; init; } = true;

    public async Task<UsersOverview> GetAsync(OverviewRequest request, CancellationToken cancellationToken)
    {
        var (scope, timeframe, asOf) = (request.Scope, request.Timeframe, request.AsOf);
        var workspace = scope == Scopes.Platform ? null : scope;
        var earliest = timeframe == Timeframe.All
            ? request.EarliestOf(await EarliestEventApi.EarliestAsync(dataSource, scope, cancellationToken))
            : null;
        var period = ReportingPeriod.For(timeframe, asOf, earliest);
        var windows = UsersOverviewBuilder.Windows(period);

        var active = (UseSpans ? ActiveUsersFromSpansAsync(workspace, period, windows, cancellationToken) : null)
            ?? ActiveUsersAsync(workspace, windows, cancellationToken);
        var users = UsersAsync(workspace, period.Current, cancellationToken);
        await Task.WhenAll(active, users);

        var (perWindow, churned, workspaces) = active.Result;
        var (known, fresh) = users.Result;
        return UsersOverviewBuilder.Build(period, new UserCounts(perWindow, churned, workspaces, known, fresh));
    }

    /// <summary>
    /// Counts each active user's spans once (one row per user and 64-day block overlapping the windows, kept
    /// in memory by <see cref="ActivitySpansCache"/>) against every window; null when the spans cannot answer exactly
    /// (a bound with sub-millisecond ticks), then the rollup query below answers.
    /// </summary>
    private Task<(long[] PerWindow, long Churned, long ActiveWorkspaces)>? ActiveUsersFromSpansAsync(
        string? workspace, ReportingPeriod period, IReadOnlyList<Period> windows, CancellationToken cancellationToken)
    {
        var effective = windows.ToArray();
        if (period.Previous is null && !effective[UsersOverviewBuilder.Current].IsEmpty)
        {
            // `all` starts at or before the scope's earliest event: nothing of the scope lies before its start,
            // so the hour it starts in is the same window.
            var current = effective[UsersOverviewBuilder.Current];
            effective[UsersOverviewBuilder.Current] = new Period(Grain.Hour.Floor(current.Start), current.End);
        }
        if (!ActiveUsersCounter.CanCount(effective))
        {
            return null;
        }
        var counter = new ActiveUsersCounter(
            effective.Select(w => (ActivitySpans.Ms(w.Start), ActivitySpans.Ms(w.End))).ToList(),
            UsersOverviewBuilder.Current, UsersOverviewBuilder.Previous);
        return CountSpansAsync(counter, workspace, cancellationToken);
    }

    private async Task<(long[] PerWindow, long Churned, long ActiveWorkspaces)> CountSpansAsync(
        ActiveUsersCounter counter, string? workspace, CancellationToken cancellationToken)
    {
        if (counter.To > counter.From)
        {
            await spans.CatchUpAsync(cancellationToken);
            spans.AddTo(counter, ActivitySpans.BlockOf(counter.From), ActivitySpans.BlockOf(counter.To - 1), workspace);
        }
        return counter.Result();
    }

    private async Task<(long[] PerWindow, long Churned, long ActiveWorkspaces)> ActiveUsersAsync(
        string? workspace, IReadOnlyList<Period> windows, CancellationToken cancellationToken)
    {
        // rows: (window, user) for every rollup row or raw event in a piece of a window. -1 answers the
        // churned users (active in the previous period, not in the period), -2 the active workspaces.
        const string sql = """
            WITH p AS (SELECT * FROM unnest($1::int[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS p(slot, grain, t0, t1)),
            rows AS MATERIALIZED (
                SELECT DISTINCT slot, user_key, workspace_id FROM (
                    SELECT p.slot, a.user_key, a.workspace_id
                    FROM p JOIN user_activity a ON a.grain = p.grain AND a.bucket_start >= p.t0 AND a.bucket_start < p.t1
                        AND ($5::text IS NULL OR a.workspace_id = $5)
                    WHERE p.grain <> 'r'
                    UNION ALL
                    SELECT p.slot, e.user_key, e.workspace_id
                    FROM p JOIN activity_events e ON e.occurred_at >= p.t0 AND e.occurred_at < p.t1
                        AND ($5::text IS NULL OR e.workspace_id = $5)
                    WHERE p.grain = 'r') pieces)
            SELECT slot, count(*) FROM rows GROUP BY slot
            UNION ALL
            SELECT -1, count(*) FROM (
                SELECT user_key FROM rows WHERE slot = $7
                EXCEPT
                SELECT user_key FROM rows WHERE slot = $6) churned
            UNION ALL
            SELECT -2, count(DISTINCT workspace_id) FROM rows WHERE slot = $6
            """;
        // The period is often one of the fixed windows too (30d is the mau window): count each distinct window once.
        var unique = windows.Distinct().ToList();
        var slot = new List<int>();
        var grain = new List<string>();
        var from = new List<DateTime>();
        var to = new List<DateTime>();
        for (var i = 0; i < unique.Count; i++)
        {
            foreach (var slice in PeriodSlicer.Slice(unique[i], UserRollups.Grains))
            {
                slot.Add(i);
                grain.Add(slice.Grain.Code());
                from.Add(slice.Period.Start);
                to.Add(slice.Period.End);
            }
        }

        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = slot.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = grain.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = from.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = to.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)workspace ?? DBNull.Value, DataTypeName = "text" });
        command.Parameters.Add(new NpgsqlParameter { Value = unique.IndexOf(windows[UsersOverviewBuilder.Current]) });
        command.Parameters.Add(new NpgsqlParameter { Value = unique.IndexOf(windows[UsersOverviewBuilder.Previous]) });

        var perUnique = new long[unique.Count];
        long churned = 0, workspaces = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (index, count) = (reader.GetInt32(0), reader.GetInt64(1));
            switch (index)
            {
                case -1: churned = count; break;
                case -2: workspaces = count; break;
                default: perUnique[index] = count; break;
            }
        }
        return (windows.Select(w => perUnique[unique.IndexOf(w)]).ToArray(), churned, workspaces);
    }

    /// <summary>Users known by asOf (first seen before it) and users first seen in the period.</summary>
    private async Task<(long Known, long New)> UsersAsync(string? workspace, Period period, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*), count(*) FILTER (WHERE first_seen_at >= $2)
            FROM users WHERE ($1::text IS NULL OR workspace_id = $1) AND first_seen_at < $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)workspace ?? DBNull.Value, DataTypeName = "text" });
        command.Parameters.Add(new NpgsqlParameter { Value = period.Start });
        command.Parameters.Add(new NpgsqlParameter { Value = period.End });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

}
