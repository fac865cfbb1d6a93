using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using ExecutiveDashboard.Platform.Resilience;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>
/// The scopes whose numbers changed since their last evaluation, evaluated in rounds: a round takes every scope marked
/// so far and evaluates them together, and the marks that arrive meanwhile wait for the next round. However many
/// <c>MetricsChanged</c> a backfill brings, each scope is evaluated at most once per round, and the evaluations stop
/// one round after the last change, instead of working through a queue of every change one at a time. After a round
/// the loop rests <see cref="RestPerWork"/> times as long as the round took, so that a backfill touching every
/// workspace keeps evaluations to a quarter of the time (a round of 2,000 scopes under load takes about a second),
/// while a trickle of changes is evaluated within a few tens of milliseconds. Marks live in memory: if the process
/// stops first, the timer's sweep evaluates those scopes (their change is in <c>known_scopes</c>); a round that fails
/// marks its scopes again.
/// </summary>
public sealed class ChangedScopes(AlertEvaluator evaluator, BackgroundLoop loop) : BackgroundService
{
    public const string LoopName = "alert-changed-scopes";

    /// <summary>Rest after a round, per unit of the round's duration (wall-clock time, not the service's clock: it paces
    /// the machine's work).</summary>
    public const int RestPerWork = 3;

    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _roundStarted;

    public void Mark(IEnumerable<string> scopes)
    {
        foreach (var scope in scopes)
        {
            _changed.TryAdd(scope, 0);
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Waits for marks, evaluates them as a round and rests; a round that fails marks its scopes again, to be
    /// evaluated after the loop's backoff.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(LoopName, EvaluateRoundAsync, RestAsync, stoppingToken);

    private async Task EvaluateRoundAsync(CancellationToken stoppingToken)
    {
        var round = new List<string>();
        while (round.Count == 0)   // a wake-up whose marks the previous round already took
        {
            await _wake.Reader.ReadAsync(stoppingToken);
            foreach (var scope in _changed.Keys)
            {
                if (_changed.TryRemove(scope, out _))
                {
                    round.Add(scope);
                }
            }
        }
        _roundStarted = Stopwatch.GetTimestamp();
        try
        {
            await evaluator.EvaluateAsync(round, stoppingToken);
        }
        catch
        {
            Mark(round);
            throw;
        }
    }

    private Task RestAsync(CancellationToken stoppingToken) => Task.Delay(Stopwatch.GetElapsedTime(_roundStarted) * RestPerWork, stoppingToken);
}
