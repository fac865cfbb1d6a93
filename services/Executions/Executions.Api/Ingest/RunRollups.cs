using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Metrics;

namespace ExecutiveDashboard.Executions.Ingest;

/// <summary>
/// What a set of new events adds to each rollup, summed per row key so that one batch is one
/// upsert per table. Every run counts in its workspace and in the platform scope <see cref="Platform"/>.
/// </summary>
public sealed class RunRollups
{
    /// <summary>The platform scope in storage; no workspace id can be <c>*</c>.</summary>
    public const string Platform = "*";

    public static readonly Grain[] DetailGrains = [Grain.Day, Grain.Hour];
    private static readonly Grain[] PlatformStatsGrains = [Grain.Day, Grain.Hour, Grain.Minute];

    /// <summary>Run totals per day and hour; the platform also per minute, because the raw edges of its
    /// trend buckets would be thousands of runs, while one workspace's are a handful.</summary>
    public static Grain[] StatsGrainsOf(string scope) => scope == Platform ? PlatformStatsGrains : DetailGrains;

    /// <summary>Runtime histograms per day; the platform also per hour. A workspace's partial edge days
    /// are read from its few raw runs, which saves a row per run at ingest.</summary>
    public static Grain[] HistogramGrainsOf(string scope) => scope == Platform ? DetailGrains : WorkspaceHistogramGrains;

    private static readonly Grain[] WorkspaceHistogramGrains = [Grain.Day];

    public Dictionary<(string Scope, Grain Grain, DateTime Bucket), RunTotals> Stats { get; } = [];
    public Dictionary<(string Scope, Grain Grain, DateTime Bucket, int Bin), long> Histogram { get; } = [];
    public Dictionary<(string Workspace, string Agent), AgentSighting> KnownAgents { get; } = [];
    public Dictionary<string, DateTime> EarliestEvent { get; } = [];

    public static RunRollups From(IEnumerable<ExecutionEvent> events)
    {
        var rollups = new RunRollups();
        foreach (var e in events)
        {
            switch (e)
            {
                case RunCompletedEvent run:
                    rollups.AddRun(run);
                    break;
                case AgentCreatedEvent agent:
                    rollups.See(agent.WorkspaceId, agent.AgentId, agent.OccurredAt, agent.AgentName);
                    break;
            }
        }
        return rollups;
    }

    private void AddRun(RunCompletedEvent run)
    {
        var at = run.CompletedAt;
        var totals = new RunTotals(1, run.Status == RunStatus.Succeeded ? 1 : 0, run.RuntimeSeconds, run.Credits);
        var bin = RuntimeSketch.BinOf(run.RuntimeSeconds);

        foreach (var scope in (string[])[run.WorkspaceId, Platform])
        {
            foreach (var grain in StatsGrainsOf(scope))
            {
                Add(Stats, (scope, grain, grain.Floor(at)), totals);
            }
            foreach (var grain in HistogramGrainsOf(scope))
            {
                var key = (scope, grain, grain.Floor(at), bin);
                Histogram[key] = Histogram.GetValueOrDefault(key) + 1;
            }
        }

        See(run.WorkspaceId, run.AgentId, at, run.AgentName);
    }

    private void See(string workspace, string agent, DateTime at, string? name)
    {
        var known = KnownAgents.GetValueOrDefault((workspace, agent), new AgentSighting(at, null, null));
        var renamed = name is not null && (known.NamedAt is null || at >= known.NamedAt);
        KnownAgents[(workspace, agent)] = new AgentSighting(
            at < known.FirstSeenAt ? at : known.FirstSeenAt,
            renamed ? name : known.Name,
            renamed ? at : known.NamedAt);

        foreach (var scope in (string[])[workspace, Platform])
        {
            if (!EarliestEvent.TryGetValue(scope, out var earliest) || at < earliest)
            {
                EarliestEvent[scope] = at;
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, RunTotals> rows, TKey key, RunTotals totals) where TKey : notnull =>
        rows[key] = rows.GetValueOrDefault(key) + totals;
}

/// <summary>When an agent was first seen and its latest name by event time.</summary>
public readonly record struct AgentSighting(DateTime FirstSeenAt, string? Name, DateTime? NamedAt);
