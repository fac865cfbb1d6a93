using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExecutiveDashboard.AppHost.Diagnostics;

/// <summary>
/// Says on the app host's own console, not only in the Aspire dashboard, when a resource exits with an error, fails to
/// start, or runs without becoming healthy for <see cref="UnhealthyLimit"/>: one "Resource failed:" entry with the
/// resource's own last log lines. Whoever started the app host (run.sh) can then stop and show the reason, instead of
/// waiting on a gateway that will never answer. It starts before the resources do (<see cref="DiagnosticsExtensions"/>):
/// the app host starts its hosted services one after the other, and the orchestrator's own waits until every resource
/// has started, which a failed resource never does.
/// </summary>
internal sealed partial class StartupWatchdog(
    ResourceNotificationService notifications, ResourceLoggerService resourceLogs, IHostApplicationLifetime lifetime,
    TimeProvider clock, ILogger<StartupWatchdog> logger)
{
    public static readonly TimeSpan UnhealthyLimit = TimeSpan.FromSeconds(120);
    private const int TailLines = 30;

    private readonly ConcurrentDictionary<string, LogTail> _tails = new();
    private readonly ConcurrentDictionary<string, (string Name, DateTimeOffset Since)> _unhealthySince = new();
    private readonly ConcurrentDictionary<string, bool> _reported = new();

    public Task WatchAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            await WatchResourcesAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }, CancellationToken.None);

    private async Task WatchResourcesAsync(CancellationToken stoppingToken)
    {
        var unhealthyCheck = CheckUnhealthyAsync(stoppingToken);
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            var id = update.ResourceId;
            var snapshot = update.Snapshot;
            _tails.GetOrAdd(id, _ => LogTail.Follow(resourceLogs, id, TailLines, stoppingToken));

            var state = snapshot.State?.Text;
            if (state == KnownResourceStates.FailedToStart
                || (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished) && snapshot.ExitCode is not (null or 0))
            {
                _ = ReportAsync(id, update.Resource.Name, snapshot.ExitCode is { } code ? $"{state} (exit code {code})" : state, stoppingToken);
            }

            if (state == KnownResourceStates.Running && snapshot.HealthStatus is not (null or HealthStatus.Healthy))
            {
                _unhealthySince.TryAdd(id, (update.Resource.Name, clock.GetUtcNow()));
            }
            else
            {
                _unhealthySince.TryRemove(id, out _);
            }
        }
        await unhealthyCheck;
    }

    private async Task CheckUnhealthyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var (id, (name, since)) in _unhealthySince)
            {
                if (clock.GetUtcNow() - since > UnhealthyLimit)
                {
                    _ = ReportAsync(id, name, $"running but not healthy for {UnhealthyLimit.TotalSeconds:0} s", stoppingToken);
                }
            }
        }
    }

    private async Task ReportAsync(string id, string name, string? what, CancellationToken stoppingToken)
    {
        if (!_reported.TryAdd(id, true))
        {
            return;
        }
        // The last lines of a process that just exited reach the log stream a moment after its state does.
        await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken).ConfigureAwait(false);
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }
        var tail = _tails.TryGetValue(id, out var lines) ? lines.Text() : "";
        LogFailed(name, what ?? "failed", string.IsNullOrEmpty(tail) ? "  (no log lines)" : tail);
    }

    [LoggerMessage(LogLevel.Error, "Resource failed: {Resource} {What}. Its last log lines:\n{Tail}")]
    private partial void LogFailed(string resource, string what, string tail);

    /// <summary>The last lines a resource wrote, kept while it runs (its logs are gone from the console once it exits).</summary>
    private sealed class LogTail(int capacity)
    {
        private readonly Queue<string> _lines = new();

        public static LogTail Follow(ResourceLoggerService logs, string resourceId, int capacity, CancellationToken stoppingToken)
        {
            var tail = new LogTail(capacity);
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(stoppingToken))
                    {
                        tail.Add(batch);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }, stoppingToken);
            return tail;
        }

        private void Add(IReadOnlyList<LogLine> batch)
        {
            lock (_lines)
            {
                foreach (var line in batch)
                {
                    _lines.Enqueue("  " + line.Content);
                    if (_lines.Count > capacity)
                    {
                        _lines.Dequeue();
                    }
                }
            }
        }

        public string Text()
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }
}
