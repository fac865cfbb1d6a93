using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Alerts.Storage;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>Evaluates every rule over scopes at the current time: reads their signals, lets the rules decide, and
/// stores the changes. A few scopes at a time, so a burst of workspaces does not flood the services it reads.</summary>
public sealed partial class AlertEvaluator(
    ISignalSource signals, AlertStore store, AlertsOptions options, TimeProvider clock, ILogger<AlertEvaluator> logger)
{
    private const int Parallelism = 4;

    /// <summary>What a timer tick evaluates (<see cref="AlertStore.ScopesDueAsync"/>).</summary>
    public async Task EvaluateDueScopesAsync(CancellationToken cancellationToken) =>
        await EvaluateAsync(await store.ScopesDueAsync(clock.GetUtcNow().UtcDateTime, options.EvaluationInterval,
            RuleBook.LongestWindow, options.QuietSweepTicks, cancellationToken), cancellationToken);

    /// <returns>The changes made, per scope.</returns>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Transition>>> EvaluateAsync(
        IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await store.SettingsAsync(cancellationToken);
        var changes = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Transition>>();
        await Parallel.ForEachAsync(scopes, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (scope, ct) =>
            {
                try
                {
                    var read = await signals.ReadAsync(scope, now, ct);
                    var findings = RuleBook.Evaluate(read, settings);
                    changes[scope] = await store.ApplyAsync(scope, now, open => AlertTransitions.Plan(open, findings), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    LogFailed(scope, e);
                }
            });
        return changes;
    }

    [LoggerMessage(LogLevel.Warning, "Evaluating the alerts of {Scope} failed; the next evaluation tries again")]
    private partial void LogFailed(string scope, Exception exception);
}
