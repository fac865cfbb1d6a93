namespace ExecutiveDashboard.Contracts.Signals;

/// <summary>Runs and successful runs of a scope in the 30 days before <paramref name="End"/>: <c>[End − 30 d, End)</c>, a
/// monthly run volume, as the overview's 30d timeframe counts them.</summary>
public sealed record RunWindow(DateTime End, long Runs, long Succeeded)
{
    public static readonly TimeSpan Length = TimeSpan.FromDays(30);
}
