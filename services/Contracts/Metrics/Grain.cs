namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>The rollup resolutions. <see cref="Raw"/> means "read the raw runs": only ever for the
/// sub-minute or sub-hour edges of a period, so a read costs the same whatever the history.</summary>
public enum Grain { Day, Hour, Minute, Raw }
