namespace ExecutiveDashboard.Simulator.Generation.Live;

/// <summary>How busy the platform is after the backfill, per unit of wall-clock time.</summary>
public sealed record LiveOptions
{
    /// <summary>Close to the demo history's busiest recent hours, so that the charts' last hours and the alerts' windows
    /// (a credit spike is 3× the previous week's hourly mean) see the same platform as the backfill.</summary>
    public double RunsPerSecond { get; init; } = 0.03;

    public double SessionsPerSecond { get; init; } = 0.5;

    public double SignupsPerMinute { get; init; } = 1;

    public double SubscriptionChangesPerHour { get; init; } = 4;

    /// <summary>How often one workspace's agents start failing for <see cref="IncidentLength"/> (enough to raise a
    /// high-error-rate alert for it).</summary>
    public double IncidentsPerHour { get; init; } = 1;

    public TimeSpan IncidentLength { get; init; } = TimeSpan.FromMinutes(15);
}
