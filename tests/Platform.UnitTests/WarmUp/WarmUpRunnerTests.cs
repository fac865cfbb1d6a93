using ExecutiveDashboard.Platform.WarmUp;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExecutiveDashboard.Platform.UnitTests.WarmUp;

/// <summary>Readiness waits for the warm-ups, and only for them: Unhealthy until every one has ended, then Healthy for
/// good, whether they succeeded, failed or ran out of their budget.</summary>
public sealed class WarmUpRunnerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly WarmUpHealth _health = new();

    [Fact]
    public async Task The_service_is_not_ready_until_every_warm_up_has_run()
    {
        var first = new GatedWarmUp();
        var second = new GatedWarmUp();
        using var runner = Runner(TimeSpan.FromMinutes(1), first, second);
        await runner.StartAsync(CancellationToken.None);
        await Task.WhenAll(first.Started, second.Started);

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
        first.Release();
        await first.Finished;
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);

        second.Release();
        await runner.ExecuteTask!.WaitAsync(Patience);
        Assert.Equal((HealthStatus.Healthy, "warm"), Report(await CheckAsync()));
    }

    [Fact]
    public async Task A_failed_warm_up_ends_the_warm_up_and_is_named()
    {
        using var runner = Runner(TimeSpan.FromMinutes(1), new FailingWarmUp());
        await runner.StartAsync(CancellationToken.None);
        await runner.ExecuteTask!.WaitAsync(Patience);

        Assert.Equal((HealthStatus.Healthy, "warm, except: FailingWarmUp: InvalidOperationException: no database"), Report(await CheckAsync()));
    }

    [Fact]
    public async Task A_warm_up_that_outlasts_the_budget_is_cancelled_and_the_service_is_ready()
    {
        var slow = new GatedWarmUp();
        using var runner = Runner(TimeSpan.FromMilliseconds(50), slow);
        await runner.StartAsync(CancellationToken.None);
        await runner.ExecuteTask!.WaitAsync(Patience);

        Assert.True(_health.IsWarm);
        Assert.Equal((HealthStatus.Healthy, "warm, except: GatedWarmUp: TaskCanceledException: A task was canceled."), Report(await CheckAsync()));
    }

    [Fact]
    public async Task A_stop_during_the_warm_up_leaves_the_service_not_ready()
    {
        var slow = new GatedWarmUp();
        using var runner = Runner(TimeSpan.FromMinutes(1), slow);
        await runner.StartAsync(CancellationToken.None);
        await slow.Started;
        await runner.StopAsync(CancellationToken.None);

        Assert.False(_health.IsWarm);
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
    }

    private WarmUpRunner Runner(TimeSpan budget, params IWarmUp[] warmUps) =>
        new(warmUps, _health, new WarmUpOptions(budget), NullLogger<WarmUpRunner>.Instance);

    private Task<HealthCheckResult> CheckAsync() => _health.CheckHealthAsync(new HealthCheckContext());

    private static (HealthStatus, string?) Report(HealthCheckResult result) => (result.Status, result.Description);

    /// <summary>Runs until released (or cancelled).</summary>
    private sealed class GatedWarmUp : IWarmUp
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public Task Finished => _finished.Task;

        public void Release() => _gate.SetResult();

        public async Task WarmUpAsync(CancellationToken cancellationToken)
        {
            _started.SetResult();
            try
            {
                await _gate.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                _finished.SetResult();
            }
        }
    }

    private sealed class FailingWarmUp : IWarmUp
    {
        public Task WarmUpAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("no database");
    }
}
