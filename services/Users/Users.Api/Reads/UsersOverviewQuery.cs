using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.Users.Model;
using Npgsql;

namespace ExecutiveDashboard.Users.Reads;

/// <summary>
/// Reads the users part of the dashboard for one scope. Every window (period, previous period, dau/wau/mau
/// and the windows before them, every trend bucket) is counted exactly from the activity spans, kept in memory by
/// <see cref="ActivitySpansCache"/> as an <see cref="ActiveUsersIndex"/>, and so are the known and new users.
/// </summary>
public sealed class UsersOverviewQuery(NpgsqlDataSource dataSource, ActivitySpansCache spans)
{
    public async Task<UsersOverview> GetAsync(OverviewRequest request, CancellationToken cancellationToken)
    {
        var (scope, timeframe, asOf) = (request.Scope, request.Timeframe, request.AsOf);
        var workspace = scope == Scopes.Platform ? null : scope;
        var period = await ScopeBounds.PeriodOfAsync(dataSource, request, cancellationToken);
        var windows = UsersOverviewBuilder.Windows(period);

        await spans.CatchUpAsync(cancellationToken);
        var (perWindow, churned, workspaces) = ActiveUsers(workspace, period, windows);
        var (known, fresh) = spans.CountUsers(period.Current.Start, period.Current.End, workspace);
        return UsersOverviewBuilder.Build(period, new UserCounts(perWindow, churned, workspaces, known, fresh));
    }

    /// <summary>
    /// Counts every window over the activity spans kept in memory by <see cref="ActivitySpansCache"/> (see
    /// <see cref="ActiveUsersIndex"/>). Exact because asOf is taken to the millisecond (<see cref="OverviewRequest"/>),
    /// so every window bound is a whole millisecond.
    /// </summary>
    private (long[] PerWindow, long Churned, long ActiveWorkspaces) ActiveUsers(
        string? workspace, ReportingPeriod period, IReadOnlyList<Period> windows)
    {
        var effective = windows.ToArray();
        if (period.Previous is null && !effective[UsersOverviewBuilder.Current].IsEmpty)
        {
            // `all` starts at or before the scope's earliest event: nothing of the scope lies before its start,
            // so the hour it starts in is the same window.
            var current = effective[UsersOverviewBuilder.Current];
            effective[UsersOverviewBuilder.Current] = new Period(Grain.Hour.Floor(current.Start), current.End);
            // So does its first trend bucket, which starts at the week start on or before it: in a reader's half-hour
            // zone that start and asOf may lie inside one UTC hour, which the spans cannot split.
            var first = effective[UsersOverviewBuilder.FirstBucket];
            effective[UsersOverviewBuilder.FirstBucket] = new Period(Grain.Hour.Floor(first.Start), first.End);
        }
        if (!ActiveUsersIndex.CanCount(effective))
        {
            throw new ArgumentException($"The spans cannot count these windows exactly: {string.Join(", ", effective)}", nameof(period));
        }
        return spans.Count(effective.Select(w => (ActivitySpans.Ms(w.Start), ActivitySpans.Ms(w.End))).ToList(),
            UsersOverviewBuilder.Current, UsersOverviewBuilder.Previous, workspace);
    }
}
