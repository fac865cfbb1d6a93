using ExecutiveDashboard.Platform.Queries;
using NodaTime;

namespace ExecutiveDashboard.Platform.UnitTests.Queries;

/// <summary><c>tz</c> and <c>weekStart</c> as every dashboard read parses them.</summary>
public sealed class ReaderCalendarParsingTests
{
    [Fact]
    public void Neither_given_is_no_calendar_at_all()
    {
        var errors = new Dictionary<string, string[]>();
        Assert.Null(OverviewRequest.ParseCalendar(null, null, errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("Asia/Kolkata", "sunday", "Asia/Kolkata", IsoDayOfWeek.Sunday)]
    [InlineData("Asia/Calcutta", null, "Asia/Calcutta", IsoDayOfWeek.Monday)]   // an older name the tzdb keeps as a link
    [InlineData("Australia/Lord_Howe", "saturday", "Australia/Lord_Howe", IsoDayOfWeek.Saturday)]
    [InlineData("UTC", "monday", "UTC", IsoDayOfWeek.Monday)]
    public void A_tzdb_id_and_a_day_name_are_taken(string tz, string? weekStart, string zone, IsoDayOfWeek day)
    {
        var errors = new Dictionary<string, string[]>();
        var calendar = OverviewRequest.ParseCalendar(tz, weekStart, errors);
        Assert.Empty(errors);
        Assert.Equal(zone, calendar!.Zone!.Id);
        Assert.Equal(day, calendar.WeekStart);
    }

    [Fact]
    public void A_week_start_alone_keeps_utc()
    {
        var errors = new Dictionary<string, string[]>();
        var calendar = OverviewRequest.ParseCalendar(null, "sunday", errors);
        Assert.Null(calendar!.Zone);
        Assert.Equal(IsoDayOfWeek.Sunday, calendar.WeekStart);
    }

    [Theory]
    [InlineData("asia/kolkata", null, "tz")]
    [InlineData("+05:30", null, "tz")]
    [InlineData("IST", null, "tz")]
    [InlineData("/usr/share/zoneinfo/UTC", null, "tz")]
    [InlineData("", null, "tz")]
    [InlineData("UTC", "Monday", "weekStart")]
    [InlineData("UTC", "7", "weekStart")]
    [InlineData(null, "", "weekStart")]
    public void Anything_else_is_an_error_naming_the_parameter(string? tz, string? weekStart, string named)
    {
        var errors = new Dictionary<string, string[]>();
        OverviewRequest.ParseCalendar(tz, weekStart, errors);
        Assert.Equal([named], errors.Keys);
    }
}
