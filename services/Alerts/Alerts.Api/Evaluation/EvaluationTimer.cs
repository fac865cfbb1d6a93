using ExecutiveDashboard.Alerts.Storage;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <param name="EvaluationInterval">The timer's tick (<c>Alerts:EvaluationInterval</c>): the platform and every scope with an
/// active alert are evaluated at each, events or not.</param>
/// <param name="QuietSweepTicks">Other scopes with recent numbers that no event evaluated are evaluated every this many ticks
/// (<c>Alerts:QuietSweepTicks</c>), a share at each tick.</param>
public sealed record AlertsOptions(TimeSpan EvaluationInterval, int QuietSweepTicks = AlertsOptions.DefaultQuietSweepTicks)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);
    public const int DefaultQuietSweepTicks = 10;
}

/// <summary>Evaluates scopes on a fixed cadence, so that windows sliding with time raise and clear alerts without new
/// events (an error burst leaves the last hour, a quiet day follows a busy one); see <see cref="AlertStore.ScopesDueAsync"/>.</summary>
public sealed partial class EvaluationTimer(AlertEvaluator evaluator, AlertsOptions options, TimeProvider clock, ILogger<EvaluationTimer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.EvaluationInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await evaluator.EvaluateDueScopesAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "The periodic alert evaluation failed; the next tick tries again")]
    private partial void LogFailed(Exception exception);
}
