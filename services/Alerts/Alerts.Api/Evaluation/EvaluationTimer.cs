namespace ExecutiveDashboard.Alerts.Evaluation;

/// <param name="EvaluationInterval">How often every known scope is evaluated, events or not (<c>Alerts:EvaluationInterval</c>).</param>
public sealed record AlertsOptions(TimeSpan EvaluationInterval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);
}

/// <summary>Evaluates every known scope on a fixed cadence, so that windows sliding with time raise and clear alerts
/// without new events (an error burst leaves the last hour, a quiet day follows a busy one).</summary>
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
                await evaluator.EvaluateKnownScopesAsync(stoppingToken);
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
