using System.Globalization;
using ExecutiveDashboard.Platform.Queries;

namespace ExecutiveDashboard.Platform.UnitTests.Queries;

public sealed class NowToTheSecondTests
{
    [Theory]
    [InlineData("2026-12-06T12:00:00.0000000Z", "2026-12-06T12:00:00.0000000Z")]
    [InlineData("2026-12-06T12:00:00.0000001Z", "2026-12-06T12:00:01.0000000Z")]
    [InlineData("2026-12-06T12:00:00.5000000Z", "2026-12-06T12:00:01.0000000Z")]
    [InlineData("2026-12-06T23:59:59.9990000Z", "2026-12-07T00:00:00.0000000Z")]
    public void Now_is_rounded_up_to_the_whole_second(string now, string expected) =>
        Assert.Equal(Utc(expected), OverviewRequest.NowToTheSecond(Utc(now)));

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
