using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Live;

namespace ExecutiveDashboard.Simulator.Worker;

/// <summary>
/// The worker's own settings (section <c>Simulator</c>). The same section also holds the dataset, bound to the generator's
/// <see cref="SimulationOptions"/> (<c>Seed</c>, <c>Days</c>, <c>Workspaces</c>, <c>Users</c>, <c>Runs</c>, …), and
/// <c>Live</c> the live traffic, bound to <see cref="LiveOptions"/> (<c>RunsPerSecond</c>, …) besides the keys below.
/// </summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>The gateway, resolved by service discovery in the app model.</summary>
    public string Gateway { get; set; } = "https+http://gateway";

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
}
