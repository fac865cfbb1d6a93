using ExecutiveDashboard.Simulator.Generation.Live;

namespace ExecutiveDashboard.Simulator.Worker;

/// <summary>Whether and how often the live trickle posts; what it posts is <see cref="LiveOptions"/>.</summary>
public sealed class LiveSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often a tick's events are posted.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}
