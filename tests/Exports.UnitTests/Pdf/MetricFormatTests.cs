using ExecutiveDashboard.Exports.Pdf.Formatting;

namespace ExecutiveDashboard.Exports.UnitTests.Pdf;

/// <summary>The port of web/src/lib/format.ts: the same cases as format.test.ts, and the browser's rounding.</summary>
public class MetricFormatTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(12345, "12,345")]
    [InlineData(999_999, "999,999")]
    [InlineData(1_234_567, "1.2M")]
    [InlineData(2.5, "3")]            // Intl rounds half away from zero
    [InlineData(-1_500_000, "-1.5M")]
    public void Counts_are_grouped_and_compact_from_a_million(double n, string expected) => Assert.Equal(expected, MetricFormat.Count(n));

    [Theory]
    [InlineData(1200, "1.2K")]
    [InlineData(999, "999")]
    [InlineData(1000, "1K")]
    [InlineData(999_960, "1M")]       // 999.96K rounds to 1000K, which Intl writes as the next unit
    [InlineData(2_000_000_000, "2B")]
    public void Compact_is_the_short_form_of_chart_axes(double n, string expected) => Assert.Equal(expected, MetricFormat.Compact(n));

    [Theory]
    [InlineData(48250.4, "$48,250")]
    [InlineData(84.5, "$84.50")]
    [InlineData(0, "$0.00")]
    [InlineData(-1500, "-$1,500")]
    [InlineData(123_456_789, "$123.5M")]
    [InlineData(1.005, "$1.01")]      // Intl works on the shortest decimal, 1.005, not the binary 1.00499…
    public void Currency_is_whole_dollars_from_a_thousand_and_cents_below(double n, string expected) => Assert.Equal(expected, MetricFormat.Currency(n));

    [Fact]
    public void Percentages_points_ratios_and_runtimes_read_as_on_the_page()
    {
        Assert.Equal("97.5%", MetricFormat.Percent(97.456));
        Assert.Equal("0.0%", MetricFormat.Percent(0));
        Assert.Equal("+1.3 pp", MetricFormat.Pp(1.25));
        Assert.Equal("-2.0 pp", MetricFormat.Pp(-2));
        Assert.Equal("3.2×", MetricFormat.Ratio(3.24));
        Assert.Equal("0.85 s", MetricFormat.Seconds(0.853));
        Assert.Equal("42.3 s", MetricFormat.Seconds(42.31));
        Assert.Equal("3.5 min", MetricFormat.Seconds(210));
        Assert.Equal("1.2 h", MetricFormat.Seconds(4320));
    }

    [Theory]
    [InlineData(1.25, 1, "1.3")]      // exactly representable: half rounds up, where .NET's "F1" gives 1.2
    [InlineData(13.25, 1, "13.3")]
    [InlineData(1.005, 2, "1.00")]    // the binary value is 1.00499…
    [InlineData(-0.04, 1, "-0.0")]
    [InlineData(0.5, 0, "1")]
    [InlineData(123.456, 2, "123.46")]
    public void Fixed_rounds_as_javascripts_toFixed(double n, int digits, string expected) => Assert.Equal(expected, MetricFormat.Fixed(n, digits));

    [Fact]
    public void Null_and_non_finite_numbers_are_na()
    {
        Func<double?, string>[] helpers = [MetricFormat.Count, MetricFormat.Compact, MetricFormat.Currency, n => MetricFormat.Percent(n),
            n => MetricFormat.Pp(n), MetricFormat.Ratio, MetricFormat.Seconds];
        foreach (var format in helpers)
        {
            Assert.Equal("n/a", format(null));
            Assert.Equal("n/a", format(double.NaN));
            Assert.Equal("n/a", format(double.PositiveInfinity));
        }
        Assert.Equal("n/a", MetricFormat.Change(null, "percent"));
        Assert.Equal("n/a", MetricFormat.Change(null, "pp"));
    }

    [Fact]
    public void Changes_are_signed_relative_in_percent_rates_in_pp_and_never_minus_zero()
    {
        Assert.Equal("+12.3%", MetricFormat.Change(12.345, "percent"));
        Assert.Equal("-4.0%", MetricFormat.Change(-4, "percent"));
        Assert.Equal("+2.5 pp", MetricFormat.Change(2.5, "pp"));
        Assert.Equal("0.0%", MetricFormat.Change(-0.01, "percent"));
        Assert.Equal("0.0 pp", MetricFormat.Change(0, "pp"));
    }

    [Theory]
    [InlineData(1500, "count", "1,500")]
    [InlineData(1500, "currency", "$1,500")]
    [InlineData(15, "percent", "15.0%")]
    [InlineData(15, "seconds", "15.0 s")]
    [InlineData(1.5, "ratio", "1.5×")]
    public void Values_are_formatted_by_the_unit_of_metricInfo(double n, string unit, string expected) => Assert.Equal(expected, MetricFormat.Value(n, unit));
}
