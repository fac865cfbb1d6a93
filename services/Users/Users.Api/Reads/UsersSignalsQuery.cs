using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.Users.Ingest;

namespace ExecutiveDashboard.Users.Reads;

/// <summary>The goals' inputs of many scopes at one instant: the daily active users at asOf and, with <c>days</c>, at each
/// of the days before, each counted over the activity spans in memory exactly as the overview's <c>dau</c> (the window
/// <see cref="UsersOverviewBuilder.DauWindow"/> ending at the instant), every window read once for all the scopes.</summary>
public sealed class UsersSignalsQuery(ActivitySpansCache spans)
{
    public async Task<Dictionary<string, UserSignals>> GetAsync(IReadOnlyList<string> scopes, DateTime asOf, int days, CancellationToken cancellationToken)
    {
        await spans.CatchUpAsync(cancellationToken);
        // asOf − days … asOf, oldest first: asOf is whole milliseconds (SignalsRequest), so every window is counted exactly.
        var instants = Enumerable.Range(0, days + 1).Select(d => asOf.AddDays(d - days)).ToArray();
        var windows = instants.Select(t => Period.Ending(t, UsersOverviewBuilder.DauWindow))
            .Select(w => (ActivitySpans.Ms(w.Start), ActivitySpans.Ms(w.End))).ToList();
        var counts = spans.CountEach(windows, [.. scopes.Select(s => s == Scopes.Platform ? null : s)]);
        return scopes.Select((scope, i) => (scope, dau: counts[i])).ToDictionary(s => s.scope, s => new UserSignals(asOf, s.dau[^1],
            days == 0 ? null : [.. instants.Select((t, k) => new ActiveUsersDay(t, s.dau[k]))]), StringComparer.Ordinal);
    }
}
