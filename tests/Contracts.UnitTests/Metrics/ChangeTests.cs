using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Contracts.UnitTests.Metrics;

public class ChangeTests
{
    [Theory]
    [InlineData(150.0, 100.0, 50.0)]      // (150 − 100) / 100 × 100
    [InlineData(75.0, 100.0, -25.0)]      // (75 − 100) / 100 × 100
    [InlineData(4.0, 3.0, 33.33)]         // 1 / 3 × 100 = 33.333… → 33.33
    [InlineData(5.0, 3.0, 66.67)]         // 2 / 3 × 100 = 66.666… → 66.67
    [InlineData(2.0, 3.0, -33.33)]        // −1 / 3 × 100 = −33.333… → −33.33
    public void Relative_change_is_in_percent_with_two_decimals(double current, double previous, double expected)
    {
        Assert.Equal(expected, Change.Relative(current, previous));
    }

    [Fact]
    public void Relative_change_from_zero_is_null()
    {
        Assert.Null(Change.Relative(10, 0));
    }

    [Fact]
    public void Relative_change_without_a_previous_period_is_null()
    {
        Assert.Null(Change.Relative(10, null));
    }

    [Theory]
    [InlineData(90.0, 80.0, 10.0)]        // 90 % − 80 % = +10 pp
    [InlineData(50.0, 66.67, -16.67)]     // 50 − 66.67 = −16.67 pp
    [InlineData(100.0, 0.0, 100.0)]       // a defined 0 % is a real value: +100 pp
    public void Points_is_the_difference_in_percentage_points(double current, double previous, double expected)
    {
        Assert.Equal(expected, Change.Points(current, previous));
    }

    [Theory]
    [InlineData(null, 80.0)]
    [InlineData(80.0, null)]
    [InlineData(null, null)]
    public void Points_is_null_when_either_side_is_undefined(double? current, double? previous)
    {
        Assert.Null(Change.Points(current, previous));
    }

    [Fact]
    public void A_rate_over_nothing_is_null_not_zero()
    {
        Assert.Null(Round.Rate(0, 0));
    }

    [Theory]
    [InlineData(0.0, 5.0, 0.0)]       // 0 / 5
    [InlineData(1.0, 3.0, 33.33)]     // 1 / 3 × 100 = 33.333…
    [InlineData(1.0, 8.0, 12.5)]      // 1 / 8 × 100
    public void Rate_is_a_percentage_with_two_decimals(double part, double whole, double expected)
    {
        Assert.Equal(expected, Round.Rate(part, whole));
    }
}
