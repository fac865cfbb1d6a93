using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Alerts.Storage;
using ExecutiveDashboard.Platform.Resilience;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>Evaluates scopes on a fixed cadence, so that windows sliding with time raise and clear alerts without new
/// events (an error burst leaves the last hour, a quiet day follows a busy one); see <see cref="AlertStore.ScopesDueAsync"/>.
/// A tick that fails is tried again after a backoff (<see cref="BackgroundLoop"/>) rather than at the next tick.</summary>
public sealed class EvaluationTimer(AlertEvaluator evaluator, AlertsOptions options, TimeProvider clock, BackgroundLoop loop)
    : BackgroundService
{
    public const string LoopName = "alert-evaluation-timer";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.EvaluationInterval, clock);
        await timer.WaitForNextTickAsync(stoppingToken);
        await loop.RunAsync(LoopName, evaluator.EvaluateDueScopesAsync, async ct => await timer.WaitForNextTickAsync(ct), stoppingToken);
    }
}
