using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Contracts.UnitTests.Metrics;

public class TimeframesTests
{
    [Theory]
    [InlineData("24h", Timeframe.Day)]
    [InlineData("7d", Timeframe.Week)]
    [InlineData("30d", Timeframe.Month)]
    [InlineData("90d", Timeframe.Quarter)]
    [InlineData("all", Timeframe.All)]
    public void Each_wire_name_parses_and_round_trips(string wire, Timeframe expected)
    {
        Assert.True(Timeframes.TryParse(wire, out var timeframe));
        Assert.Equal(expected, timeframe);
        Assert.Equal(wire, timeframe.ToWire());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1d")]
    [InlineData("week")]
    public void Anything_else_is_refused(string? wire)
    {
        Assert.False(Timeframes.TryParse(wire, out _));
    }

    [Theory]
    [InlineData(Timeframe.Day, 24.0)]        // 24 h
    [InlineData(Timeframe.Week, 168.0)]      // 7 × 24 h
    [InlineData(Timeframe.Month, 720.0)]     // 30 × 24 h
    [InlineData(Timeframe.Quarter, 2160.0)]  // 90 × 24 h
    public void Length_is_L_of_metrics_md(Timeframe timeframe, double hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), timeframe.Length());
    }

    [Fact]
    public void All_has_no_fixed_length()
    {
        Assert.Null(Timeframe.All.Length());
    }
}
