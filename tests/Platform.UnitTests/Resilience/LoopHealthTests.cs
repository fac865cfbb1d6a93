using ExecutiveDashboard.Platform.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ExecutiveDashboard.Platform.UnitTests.Resilience;

public sealed class LoopHealthTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly LoopHealth _health;

    public LoopHealthTests() => _health = new LoopHealth(_clock, new LoopHealthOptions(TimeSpan.FromSeconds(30)), NullLogger<LoopHealth>.Instance);

    private HealthCheckResult Check() => _health.CheckHealthAsync(new HealthCheckContext()).GetAwaiter().GetResult();

    [Fact]
    public void A_failing_loop_is_degraded_then_unhealthy_then_healthy_at_its_next_success()
    {
        _health.Succeeded("outbox");
        _health.Succeeded("rollup-folder");
        Assert.Equal(HealthStatus.Healthy, Check().Status);

        _health.Failed("outbox", new TimeoutException("the broker did not confirm"), TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Degraded, Check().Status);
        _clock.Advance(TimeSpan.FromSeconds(20));
        _health.Failed("outbox", new TimeoutException("the broker did not confirm"), TimeSpan.FromSeconds(8));
        _clock.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(HealthStatus.Degraded, Check().Status);   // failing since the first failure, 29.9 s ago
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        var unhealthy = Check();
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Equal("outbox failing for 30 s (2 attempts): TimeoutException: the broker did not confirm", unhealthy.Description);
        Assert.Equal("Unhealthy", unhealthy.Data["outbox"]);
        Assert.Equal("Healthy", unhealthy.Data["rollup-folder"]);

        _health.Succeeded("outbox");
        Assert.Equal(HealthStatus.Healthy, Check().Status);
        _health.Failed("outbox", new IOException("reset"));
        Assert.Equal(HealthStatus.Degraded, Check().Status);   // a new outage counts from its own first failure
    }

    [Fact]
    public void The_worst_loop_decides()
    {
        _health.Failed("a", new IOException("down"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        _health.Failed("b", new IOException("down"));
        Assert.Equal((HealthStatus.Unhealthy, HealthStatus.Degraded), (_health.StatusOf("a"), _health.StatusOf("b")));
        Assert.Equal(HealthStatus.Unhealthy, Check().Status);
        Assert.Equal(HealthStatus.Healthy, _health.StatusOf("never-reported"));
    }
}
