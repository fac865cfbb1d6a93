using ExecutiveDashboard.Platform.Resilience;

namespace ExecutiveDashboard.Platform.UnitTests.Resilience;

public sealed class BackoffTests
{
    private static readonly Backoff Backoff = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1_000)]
    [InlineData(5, 8_000)]
    [InlineData(6, 10_000)]     // 16 s, capped
    [InlineData(64, 10_000)]    // 2^63 steps would overflow a long of ticks
    [InlineData(int.MaxValue, 10_000)]
    public void Steps_double_up_to_the_cap(int failures, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Backoff.Step(failures));

    [Theory]
    [InlineData(1, 0.0, 250)]
    [InlineData(1, 0.5, 375)]
    [InlineData(3, 0.0, 1_000)]
    [InlineData(3, 0.999, 1_999)]
    [InlineData(30, 0.0, 5_000)]   // never less than half the cap once there: no burst of quick retries
    public void Each_wait_lies_between_half_its_step_and_the_whole(int failures, double random, int milliseconds) =>
        Assert.Equal(milliseconds, Backoff.Delay(failures, random).TotalMilliseconds, precision: 0);

    [Fact]
    public void No_wait_ever_exceeds_the_cap_or_is_zero()
    {
        var random = new Random(7);
        for (var failures = 1; failures < 200; failures++)
        {
            var delay = Backoff.Delay(failures, random.NextDouble());
            Assert.InRange(delay, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void Nonsense_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Step(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(1, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(1, -0.1));
    }
}
