using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Live;

namespace ExecutiveDashboard.Simulator.Worker;

/// <summary>The worker's settings (section <c>Simulator</c>); the dataset's size defaults to the demo's.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>The gateway, resolved by service discovery in the app model.</summary>
    public string Gateway { get; set; } = "https+http://gateway";

    public int Seed { get; set; } = SimulationOptions.DefaultSeed;

    public int Days { get; set; } = 90;

    public int Workspaces { get; set; } = 300;

    public int Users { get; set; } = 5_000;

    public long Runs { get; set; } = 60_000;

    public long UserActiveEvents { get; set; } = 15_000;

    /// <summary>The end of the backfill; default: the moment the worker starts, so the live trickle carries on from it.</summary>
    public DateTime? End { get; set; }

    /// <summary>Batches in flight per stream.</summary>
    public int Parallel { get; set; } = 2;

    public int BatchSize { get; set; } = 1_000;

    /// <summary>Outside Development (no <c>/api/dev/token</c>): a token with the <c>ingest</c> role for every workspace.</summary>
    public string? IngestToken { get; set; }

    /// <summary>Outside Development: a <c>ceo</c> or <c>admin</c> token for every workspace, to see whether the backfill is
    /// already there. Without it the backfill is sent again at each start (idempotent, only slower).</summary>
    public string? ReaderToken { get; set; }

    public LiveSettings Live { get; set; } = new();

    public SimulationOptions ToSimulation(DateTime end) => new()
    {
        Seed = Seed,
        End = DateTime.SpecifyKind(end, DateTimeKind.Utc),
        Days = Days,
        Workspaces = Workspaces,
        Users = Users,
        Runs = Runs,
        UserActiveEvents = UserActiveEvents,
    };
}

public sealed class LiveSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often a tick's events are posted.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Close to the history's own recent rate, so that the charts' last hours and the alerts' windows
    /// (a credit spike is 3× the previous week's hourly mean) see the same platform as the backfill.</summary>
    public double RunsPerSecond { get; set; } = 0.03;

    public double SessionsPerSecond { get; set; } = 0.5;

    public double SignupsPerMinute { get; set; } = 1;

    public double SubscriptionChangesPerHour { get; set; } = 4;

    public double IncidentsPerHour { get; set; } = 1;

    public LiveOptions ToOptions() => new()
    {
        RunsPerSecond = RunsPerSecond,
        SessionsPerSecond = SessionsPerSecond,
        SignupsPerMinute = SignupsPerMinute,
        SubscriptionChangesPerHour = SubscriptionChangesPerHour,
        IncidentsPerHour = IncidentsPerHour,
    };
}
