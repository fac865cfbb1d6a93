namespace ExecutiveDashboard.Simulator.Generation.Live;

/// <summary>How busy the platform is after the backfill, per unit of wall-clock time.</summary>
public sealed record LiveOptions
{
    public double RunsPerSecond { get; init; } = 3;

    public double SessionsPerSecond { get; init; } = 0.5;

    public double SignupsPerMinute { get; init; } = 1;

    public double SubscriptionChangesPerHour { get; init; } = 4;

    /// <summary>How often one workspace's agents start failing for <see cref="IncidentLength"/> (enough to raise a
    /// high-error-rate alert for it).</summary>
    public double IncidentsPerHour { get; init; } = 1;

    public TimeSpan IncidentLength { get; init; } = TimeSpan.FromMinutes(15);
}
