using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExecutiveDashboard.Platform.WarmUp;

/// <summary>Runs every <see cref="IWarmUp"/> of the process once at start, side by side, within <see cref="WarmUpOptions.Budget"/>,
/// then tells <see cref="WarmUpHealth"/> the process is warm.</summary>
public sealed partial class WarmUpRunner(IEnumerable<IWarmUp> warmUps, WarmUpHealth health, WarmUpOptions options, ILogger<WarmUpRunner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        budget.CancelAfter(options.Budget);
        var clock = Stopwatch.StartNew();
        var failures = await Task.WhenAll(warmUps.Select(w => RunAsync(w, budget.Token)));
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        var failed = failures.OfType<string>().ToList();
        health.Finished(failed);
        LogWarm(clock.Elapsed.TotalMilliseconds, failed.Count);
    }

    private async Task<string?> RunAsync(IWarmUp warmUp, CancellationToken cancellationToken)
    {
        var name = warmUp.GetType().Name;
        try
        {
            await warmUp.WarmUpAsync(cancellationToken);
            return null;
        }
        catch (Exception e)
        {
            LogFailed(name, e);
            return $"{name}: {e.GetType().Name}: {e.Message}";
        }
    }

    [LoggerMessage(LogLevel.Information, "Warm after {Milliseconds:0} ms ({Failed} warm-ups failed); ready")]
    private partial void LogWarm(double milliseconds, int failed);

    [LoggerMessage(LogLevel.Warning, "Warm-up {Name} failed; the service reports itself ready anyway")]
    private partial void LogFailed(string name, Exception exception);
}
