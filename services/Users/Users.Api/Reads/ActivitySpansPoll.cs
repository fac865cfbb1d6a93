using ExecutiveDashboard.Platform.Resilience;

namespace ExecutiveDashboard.Users.Reads;

/// <summary>Catches the <see cref="ActivitySpansCache"/> up every second, so that a read has little left to catch up; while
/// the database is away it retries with backoff (<see cref="BackgroundLoop"/>), and reads catch up themselves.</summary>
public sealed class ActivitySpansPoll(ActivitySpansCache cache, BackgroundLoop loop) : BackgroundService
{
    public const string LoopName = "activity-spans-cache";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        await loop.RunAsync(LoopName, cache.CatchUpAsync, async ct => await timer.WaitForNextTickAsync(ct), stoppingToken);
    }
}
