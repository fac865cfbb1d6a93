using ExecutiveDashboard.Executions.Model;

namespace ExecutiveDashboard.Executions.Rollups;

/// <summary>
/// Every run in memory as a <see cref="RunSeries"/> per agent and per user of each workspace, so that
/// the top agents, the top users and the active agents of any window are exact to the tick and cost one
/// pass over the scope's agents and users, never over its runs: one binary search per agent to count it as active,
/// and two more only for a series that may still enter the top ten (one with fewer runs in all its history than the
/// tenth of the list so far cannot). A day/hour
/// rollup cannot do this at the platform scope: summing it per user over 90 days reads a row per run.
/// Fed by <see cref="RunLeaderboardFeed"/>, which hands each committed run over exactly once.
/// </summary>
public sealed class RunLeaderboards
{
    public const int TopCount = 10;

    // Agent values: succeeded (0/1), runtime in microseconds. User values: credits in millionths (numeric(20,6)).
    private const int Succeeded = 0, RuntimeMicros = 1, CreditMillionths = 0;
    private const decimal CreditUnit = 1_000_000m;

    private readonly Dictionary<string, WorkspaceRuns> _workspaces = new(StringComparer.Ordinal);
    private readonly ReaderWriterLockSlim _lock = new();

    public void Add(IEnumerable<LeaderboardRun> runs)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var run in runs)
            {
                if (!_workspaces.TryGetValue(run.WorkspaceId, out var workspace))
                {
                    _workspaces[run.WorkspaceId] = workspace = new WorkspaceRuns();
                }
                var ticks = run.CompletedAt.Ticks;
                SeriesOf(workspace.Agents, run.AgentId, width: 2)
                    .Add(ticks, [run.Succeeded ? 1 : 0, (long)Math.Round(run.RuntimeSeconds * 1_000_000)]);
                SeriesOf(workspace.Users, run.UserId, width: 1)
                    .Add(ticks, [(long)(run.Credits * CreditUnit)]);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Clear()
    {
        _lock.EnterWriteLock();
        try
        {
            _workspaces.Clear();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The leaderboard of one workspace, or of the platform when <paramref name="workspace"/> is
    /// <c>null</c>, over the runs completed in [<paramref name="start"/>, <paramref name="end"/>).
    /// Ranked by <see cref="Rank"/>.</summary>
    public Leaderboard Read(string? workspace, DateTime start, DateTime end)
    {
        var agents = new TopList<RankedAgent>(a => new Rank(a.Totals.Runs, a.AgentId, a.WorkspaceId));
        var users = new TopList<UserRow>(u => new Rank(u.Runs, u.Id, u.WorkspaceId));
        long activeAgents = 0;
        var (from, to) = (start.Ticks, end.Ticks);

        _lock.EnterReadLock();
        try
        {
            foreach (var (workspaceId, runs) in ScopeOf(workspace))
            {
                foreach (var (agentId, series) in runs.Agents)
                {
                    if (!series.HasRunIn(from, to))
                    {
                        continue;
                    }
                    activeAgents++;
                    if (series.Count < agents.RunsToEnter)
                    {
                        continue;
                    }
                    var window = series.Window(from, to);
                    if (agents.Admits(new Rank(window.Runs, agentId, workspaceId)))
                    {
                        agents.Add(new RankedAgent(workspaceId, agentId, new RunTotals(
                            window.Runs, (long)window.Sum(Succeeded), (double)window.Sum(RuntimeMicros) / 1_000_000.0, 0)));
                    }
                }
                foreach (var (userId, series) in runs.Users)
                {
                    if (series.Count < users.RunsToEnter)
                    {
                        continue;
                    }
                    var window = series.Window(from, to);
                    if (window.Runs > 0 && users.Admits(new Rank(window.Runs, userId, workspaceId)))
                    {
                        users.Add(new UserRow(userId, workspaceId, window.Runs, (decimal)window.Sum(CreditMillionths) / CreditUnit, window.LastCompletedAt));
                    }
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
        return new Leaderboard(activeAgents, agents.Items, users.Items);
    }

    private IEnumerable<KeyValuePair<string, WorkspaceRuns>> ScopeOf(string? workspace)
    {
        if (workspace is null)
        {
            return _workspaces;
        }
        return _workspaces.TryGetValue(workspace, out var runs) ? [KeyValuePair.Create(workspace, runs)] : [];
    }

    private static RunSeries SeriesOf(Dictionary<string, RunSeries> series, string id, int width)
    {
        if (!series.TryGetValue(id, out var one))
        {
            series[id] = one = new RunSeries(width);
        }
        return one;
    }

    private sealed class WorkspaceRuns
    {
        public Dictionary<string, RunSeries> Agents { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, RunSeries> Users { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Where an agent or a user ranks: more runs first, then the smaller id, then the smaller
    /// workspace id (ordinal, as PostgreSQL's C collation orders them).</summary>
    private readonly record struct Rank(long Runs, string Id, string WorkspaceId) : IComparable<Rank>
    {
        public int CompareTo(Rank other)
        {
            var byRuns = other.Runs.CompareTo(Runs);
            if (byRuns != 0)
            {
                return byRuns;
            }
            var byId = string.CompareOrdinal(Id, other.Id);
            return byId != 0 ? byId : string.CompareOrdinal(WorkspaceId, other.WorkspaceId);
        }
    }

    /// <summary>The <see cref="TopCount"/> best-ranked items offered so far, best first.</summary>
    private sealed class TopList<T>(Func<T, Rank> rankOf)
    {
        private readonly List<T> _items = new(TopCount + 1);

        public IReadOnlyList<T> Items => _items;

        /// <summary>The fewest runs in the window that may still enter (ties go to the smaller id). A series with fewer
        /// runs in all its history cannot: on the platform most are passed over without a binary search.</summary>
        public long RunsToEnter => _items.Count < TopCount ? 0 : rankOf(_items[^1]).Runs;

        /// <summary>Could an item of this rank enter the list? Checked before the item is built.</summary>
        public bool Admits(Rank rank) => _items.Count < TopCount || rank.CompareTo(rankOf(_items[^1])) < 0;

        public void Add(T item)
        {
            var rank = rankOf(item);
            var at = _items.FindIndex(other => rank.CompareTo(rankOf(other)) < 0);
            _items.Insert(at < 0 ? _items.Count : at, item);
            if (_items.Count > TopCount)
            {
                _items.RemoveAt(TopCount);
            }
        }
    }
}
