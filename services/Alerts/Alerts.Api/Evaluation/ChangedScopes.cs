using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>
/// The scopes whose numbers changed since their last evaluation, evaluated in rounds: a round takes every scope marked
/// so far and evaluates them together, and the marks that arrive meanwhile wait for the next round. However many
/// <c>MetricsChanged</c> a backfill brings, each scope is evaluated at most once per round, and the evaluations stop
/// one round after the last change, instead of working through a queue of every change one at a time. Marks live in
/// memory: if the process stops first, the timer's sweep evaluates those scopes (their change is in <c>known_scopes</c>).
/// </summary>
public sealed partial class ChangedScopes(AlertEvaluator evaluator, ILogger<ChangedScopes> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Mark(IEnumerable<string> scopes)
    {
        foreach (var scope in scopes)
        {
            _changed.TryAdd(scope, 0);
        }
        _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _wake.Reader.ReadAsync(stoppingToken))
        {
            var round = new List<string>();
            foreach (var scope in _changed.Keys)
            {
                if (_changed.TryRemove(scope, out _))
                {
                    round.Add(scope);
                }
            }
            try
            {
                await evaluator.EvaluateAsync(round, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(round.Count, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Evaluating {Scopes} changed scopes failed; the timer's sweep evaluates them again")]
    private partial void LogFailed(int scopes, Exception exception);
}
