namespace ExecutiveDashboard.Alerts.Model;

/// <param name="EvaluationInterval">The timer's tick (<c>Alerts:EvaluationInterval</c>): the platform and every scope with an
/// active alert are evaluated at each, events or not.</param>
/// <param name="QuietSweepTicks">Other scopes with recent numbers that no event evaluated are evaluated every this many ticks
/// (<c>Alerts:QuietSweepTicks</c>), a share at each tick.</param>
public sealed record AlertsOptions(TimeSpan EvaluationInterval, int QuietSweepTicks = AlertsOptions.DefaultQuietSweepTicks)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);
    public const int DefaultQuietSweepTicks = 10;
}
