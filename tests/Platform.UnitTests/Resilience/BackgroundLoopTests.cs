using ExecutiveDashboard.Platform.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecutiveDashboard.Platform.UnitTests.Resilience;

/// <summary>The loop of every background service: whatever an attempt throws, it goes on; only the host's stop ends it.</summary>
public sealed class BackgroundLoopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly LoopHealth _health = new(TimeProvider.System, new LoopHealthOptions(TimeSpan.FromMinutes(1)), NullLogger<LoopHealth>.Instance);
    private readonly BackgroundLoop _loop;

    public BackgroundLoopTests() =>
        _loop = new BackgroundLoop(_health, TimeProvider.System, CancellationToken.None) { Backoff = new Backoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4)) };

    /// <summary>A broker outage: a timed-out declaration surfaces as a <see cref="TaskCanceledException"/> that the host
    /// did not ask for, and must not end the loop (it once ended the outbox dispatcher's process).</summary>
    [Fact]
    public async Task A_cancellation_nobody_asked_for_is_a_failure_to_retry_not_an_end()
    {
        using var stop = new CancellationTokenSource();
        var attempts = 0;
        var during = new List<HealthStatus>();
        var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = _loop.RunAsync("outbox", _ =>
        {
            if (++attempts > 1)
            {
                during.Add(_health.StatusOf("outbox"));
            }
            return attempts switch
            {
                1 => throw new TaskCanceledException("ExchangeDeclare timed out"),
                2 => throw new OperationCanceledException(),
                3 => Task.FromException(new IOException("connection reset")),
                _ => Task.CompletedTask,
            };
        }, ct =>
        {
            recovered.TrySetResult();
            return Task.Delay(Timeout.Infinite, ct);
        }, stop.Token);

        await recovered.Task.WaitAsync(Patience);
        Assert.Equal([HealthStatus.Degraded, HealthStatus.Degraded, HealthStatus.Degraded], during);
        Assert.Equal(HealthStatus.Healthy, _health.StatusOf("outbox"));
        Assert.False(run.IsCompleted);

        await stop.CancelAsync();
        await run.WaitAsync(Patience);   // returns, does not throw
    }

    [Fact]
    public async Task After_a_success_it_rests_and_after_a_failure_it_backs_off()
    {
        using var stop = new CancellationTokenSource();
        var log = new List<string>();
        var works = 0;
        await _loop.RunAsync("feed", async _ =>
        {
            log.Add("work");
            switch (++works)
            {
                case 2:
                    throw new TimeoutException();
                case 4:
                    await stop.CancelAsync();
                    break;
            }
        }, async _ =>
        {
            log.Add("rest");
            await Task.Yield();
        }, stop.Token).WaitAsync(Patience);

        Assert.Equal(["work", "rest", "work", "work", "rest", "work", "rest"], log);
    }

    /// <summary>The host cancels ApplicationStopping before the services' own tokens: a read cancelled by it is the stop.</summary>
    [Fact]
    public async Task A_loop_stops_quietly_as_soon_as_the_application_does()
    {
        using var application = new CancellationTokenSource();
        var loop = new BackgroundLoop(_health, TimeProvider.System, application.Token);
        var run = loop.RunAsync("feed", async _ =>
        {
            await application.CancelAsync();
            application.Token.ThrowIfCancellationRequested();
        }, _ => Task.CompletedTask, CancellationToken.None);

        await run.WaitAsync(Patience);
        Assert.Equal(HealthStatus.Healthy, _health.StatusOf("feed"));
    }

    [Fact]
    public async Task What_an_attempt_throws_while_the_host_stops_ends_the_loop_quietly()
    {
        using var stop = new CancellationTokenSource();
        var run = _loop.RunAsync("folder", async ct =>
        {
            await stop.CancelAsync();
            throw new InvalidOperationException("the connection was closed under us");
        }, _ => Task.CompletedTask, stop.Token);

        await run.WaitAsync(Patience);
        Assert.Equal(HealthStatus.Healthy, _health.StatusOf("folder"));
    }
}
