using System.Collections.Concurrent;
using ExecutiveDashboard.Alerts.Goals;
using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Alerts.Storage;
using ExecutiveDashboard.Alerts.Telemetry;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>Evaluates every rule over scopes at the current time: reads their signals, evaluates their goals, lets the rules decide, and
/// stores the changes; many scopes per read and per transaction, so a backfill that touches every workspace costs a
/// few statements, not a few per workspace.</summary>
public sealed class AlertEvaluator(ISignalSource signals, GoalEvaluator goals, AlertStore store, AlertsOptions options, AlertsMetrics metrics, TimeProvider clock)
{
    /// <summary>Scopes per signals read and per transaction.</summary>
    public const int ChunkSize = 500;

    private const int Parallelism = 2;

    /// <summary>What a timer tick evaluates (<see cref="AlertStore.ScopesDueAsync"/>).</summary>
    public async Task EvaluateDueScopesAsync(CancellationToken cancellationToken) =>
        await EvaluateAsync(await store.ScopesDueAsync(clock.GetUtcNow().UtcDateTime, options.EvaluationInterval,
            RuleBook.LongestWindow, options.QuietSweepTicks, cancellationToken), cancellationToken);

    /// <summary>Evaluates these scopes as of now, <see cref="ChunkSize"/> at a time: each chunk is one signals read per
    /// service and one transaction. A chunk that fails does not stop the others; then this throws them all, for the
    /// calling loop to report and retry (its <c>BackgroundLoop</c>).</summary>
    public async Task EvaluateAsync(IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await store.SettingsAsync(cancellationToken);
        var failures = new ConcurrentQueue<Exception>();
        await Parallel.ForEachAsync(scopes.Distinct().Chunk(ChunkSize),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                try
                {
                    var (reading, evaluating) = (signals.ReadAsync(chunk, now, ct), goals.EvaluateAsync(chunk, now, ct));
                    var (read, goalsOf) = (await reading, await evaluating);
                    await store.ApplyAsync(chunk, now, (scope, open) => AlertTransitions.Plan(open,
                        metrics.Evaluated(RuleBook.Evaluate(read[scope] with { Goals = goalsOf[scope] }, settings))), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failures.Enqueue(e);
                }
            });
        if (!failures.IsEmpty)
        {
            throw new AggregateException($"Evaluating the alerts of {failures.Count} of {scopes.Count} scopes' chunks failed", failures);
        }
    }
}
