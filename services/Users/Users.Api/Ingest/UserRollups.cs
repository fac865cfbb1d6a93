using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Model;

namespace ExecutiveDashboard.Users.Ingest;

/// <summary>
/// What a set of new events adds to the users tables: each user's first sighting and latest name, its
/// activity spans, and the earliest event of each scope. A signup makes a user known, never active (docs/metrics.md).
/// </summary>
public sealed class UserRollups
{
    public Dictionary<(string Workspace, string User), UserSighting> Users { get; } = [];
    public Dictionary<string, DateTime> EarliestEvent { get; } = [];

    /// <summary>Per (workspace, user, block): the first and last millisecond of activity in each active hour
    /// of the block (see <see cref="ActivitySpans"/>).</summary>
    public Dictionary<(string Workspace, string User, int Block), Dictionary<int, (int First, int Last)>> Spans { get; } = [];

    public static UserRollups From(IEnumerable<UserEvent> events)
    {
        var rollups = new UserRollups();
        foreach (var e in events)
        {
            rollups.See(e);
            if (e is UserActiveEvent)
            {
                rollups.AddSpan(e);
            }
        }
        return rollups;
    }

    private void AddSpan(UserEvent e)
    {
        var (block, hour, ms) = ActivitySpans.Locate(e.OccurredAt);
        var key = (e.WorkspaceId, e.UserId, block);
        if (!Spans.TryGetValue(key, out var hours))
        {
            Spans[key] = hours = [];
        }
        hours[hour] = hours.TryGetValue(hour, out var span) ? (Math.Min(span.First, ms), Math.Max(span.Last, ms)) : (ms, ms);
    }

    private void See(UserEvent e)
    {
        var at = e.OccurredAt;
        var name = (e as UserSignedUpEvent)?.Name;
        var key = (e.WorkspaceId, e.UserId);
        var known = Users.GetValueOrDefault(key, new UserSighting(at, null, null));
        var renamed = name is not null && (known.NamedAt is null || at >= known.NamedAt);
        Users[key] = new UserSighting(
            at < known.FirstSeenAt ? at : known.FirstSeenAt,
            renamed ? name : known.Name,
            renamed ? at : known.NamedAt);

        foreach (var scope in (string[])[e.WorkspaceId, Scopes.PlatformKey])
        {
            if (!EarliestEvent.TryGetValue(scope, out var earliest) || at < earliest)
            {
                EarliestEvent[scope] = at;
            }
        }
    }
}
