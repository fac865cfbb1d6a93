using ExecutiveDashboard.Gateway.Realtime;
using Microsoft.Extensions.Time.Testing;

namespace ExecutiveDashboard.Gateway.UnitTests;

public sealed class MetricsUpdateCoalescerTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly List<(string[] Sections, DateTime At)> _sent = [];
    private readonly MetricsUpdateCoalescer _coalescer;

    public MetricsUpdateCoalescerTests() =>
        _coalescer = new MetricsUpdateCoalescer(Interval, _clock, (sections, at) => _sent.Add((sections.ToArray(), at)));

    public void Dispose() => _coalescer.Dispose();

    [Fact]
    public void The_first_change_goes_out_at_once()
    {
        _coalescer.Add(["executionMetrics"]);

        var update = Assert.Single(_sent);
        Assert.Equal(["executionMetrics"], update.Sections);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, update.At);
    }

    [Fact]
    public void Changes_within_the_interval_wait_for_its_end_and_go_out_together()
    {
        _coalescer.Add(["executionMetrics"]);
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        _coalescer.Add(["userMetrics", "executionMetrics"]);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        _coalescer.Add(["activeAlerts"]);
        _clock.Advance(TimeSpan.FromMilliseconds(99));

        Assert.Single(_sent);

        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(2, _sent.Count);
        Assert.Equal(["activeAlerts", "executionMetrics", "userMetrics"], _sent[1].Sections);
        Assert.Equal(_sent[0].At + Interval, _sent[1].At);
    }

    [Fact]
    public void Never_more_than_one_update_per_interval_under_a_steady_stream()
    {
        for (var i = 0; i < 100; i++)
        {
            _coalescer.Add(["executionMetrics"]);
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        // Changes every 10 ms from 0 to 990 ms, clock left at 1,000 ms: updates at 0, 250, 500, 750 and 1,000 ms.
        Assert.Equal(5, _sent.Count);
        Assert.All(_sent.Zip(_sent.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= Interval));
    }

    [Fact]
    public void After_a_quiet_interval_the_next_change_goes_out_at_once_again()
    {
        _coalescer.Add(["executionMetrics"]);
        _clock.Advance(TimeSpan.FromSeconds(5));
        _coalescer.Add(["businessMetrics"]);

        Assert.Equal(2, _sent.Count);
        Assert.Equal(["businessMetrics"], _sent[1].Sections);
    }

    [Fact]
    public void Nothing_is_sent_after_disposal()
    {
        _coalescer.Add(["executionMetrics"]);
        _coalescer.Add(["userMetrics"]);
        _coalescer.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(_sent);
    }

    [Fact]
    public void No_sections_no_update()
    {
        _coalescer.Add([]);

        Assert.Empty(_sent);
    }
}
