using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.ServiceDefaults.Queries;
using Npgsql;

namespace ExecutiveDashboard.Users.Metrics;

/// <summary>
/// Reads the users part of the dashboard for one scope. Every window (period, previous period, dau/wau/mau
/// and the windows before them, every trend bucket) is counted exactly from the activity spans, kept in memory by
/// <see cref="ActivitySpansCache"/> as an <see cref="ActiveUsersIndex"/>; the known and new users come from the users table.
/// </summary>
public sealed class UsersOverviewQuery(NpgsqlDataSource dataSource, ActivitySpansCache spans)
{
    public async Task<UsersOverview> GetAsync(OverviewRequest request, CancellationToken cancellationToken)
    {
        var (scope, timeframe, asOf) = (request.Scope, request.Timeframe, request.AsOf);
        var workspace = scope == Scopes.Platform ? null : scope;
        var earliest = timeframe == Timeframe.All
            ? request.EarliestOf(await EarliestEventApi.EarliestAsync(dataSource, scope, cancellationToken))
            : null;
        var period = ReportingPeriod.For(timeframe, asOf, earliest);
        var windows = UsersOverviewBuilder.Windows(period);

        var active = ActiveUsersAsync(workspace, period, windows, cancellationToken);
        var users = UsersAsync(workspace, period.Current, cancellationToken);
        await Task.WhenAll(active, users);

        var (perWindow, churned, workspaces) = active.Result;
        var (known, fresh) = users.Result;
        return UsersOverviewBuilder.Build(period, new UserCounts(perWindow, churned, workspaces, known, fresh));
    }

    /// <summary>
    /// Counts every window over the activity spans kept in memory by <see cref="ActivitySpansCache"/> (see
    /// <see cref="ActiveUsersIndex"/>). Exact because asOf is taken to the millisecond (<see cref="OverviewRequest"/>),
    /// so every window bound is a whole millisecond.
    /// </summary>
    private async Task<(long[] PerWindow, long Churned, long ActiveWorkspaces)> ActiveUsersAsync(
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
        if (!ActiveUsersIndex.CanCount(effective))
        {
            throw new ArgumentException($"The spans cannot count these windows exactly: {string.Join(", ", effective)}", nameof(period));
        }
        await spans.CatchUpAsync(cancellationToken);
        return spans.Count(effective.Select(w => (ActivitySpans.Ms(w.Start), ActivitySpans.Ms(w.End))).ToList(),
            UsersOverviewBuilder.Current, UsersOverviewBuilder.Previous, workspace);
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
