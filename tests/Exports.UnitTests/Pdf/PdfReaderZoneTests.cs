using ExecutiveDashboard.Contracts.Metrics;
using NodaTime;

namespace ExecutiveDashboard.Exports.UnitTests.Pdf;

/// <summary>A PDF exported for a reader's zone prints every time in it with its offset, and names the zone on the cover.
/// The fixture's period is 2026-09-01 12:00Z to 2026-11-30 12:00Z, generated 12:00:05Z.</summary>
public sealed class PdfReaderZoneTests
{
    private static RenderedPdf In(string zone) => RenderedPdf.Of(DashboardFixtures.Platform90Days() with
    {
        Reader = new ReaderCalendar(DateTimeZoneProviders.Tzdb[zone], IsoDayOfWeek.Sunday),
    });

    private static readonly Lazy<RenderedPdf> Kolkata = new(() => In("Asia/Kolkata"));

    [Fact]
    public void The_cover_names_the_zone_and_states_the_period_and_generation_in_it()
    {
        var page = Kolkata.Value.Pages[0];
                Assert.Contains("2026-09-01 17:30 to 2026-11-30 17:30 UTC+05:30", page);   // 12:00Z + 5:30, one offset for both
        Assert.Contains("Generated 2026-11-30 17:30 UTC+05:30 by Ada Admin · times in Asia/Kolkata, weeks from Sunday", page);
    }

    [Fact]
    public void Every_page_carries_asOf_in_the_zone()
    {
        var pages = Kolkata.Value.Pages;
        Assert.All(pages, page => Assert.Contains("as of 2026-11-30 17:30 UTC+05:30", page));
    }

    [Fact]
    public void Each_end_of_a_period_across_a_change_states_its_own_offset()
    {
        // 09-01 12:00Z is 08:00 EDT (UTC-4); 11-30 12:00Z is 07:00 EST (UTC-5).
        var page = In("America/New_York").Pages[0];
        Assert.Contains("2026-09-01 08:00 UTC-04:00 to 2026-11-30 07:00 UTC-05:00", page);
        Assert.Contains("times in America/New_York", page);
    }

    [Fact]
    public void Without_a_zone_the_cover_is_as_before_in_utc()
    {
        var page = RenderedPdf.Of(DashboardFixtures.Platform90Days()).Pages[0];
        Assert.DoesNotContain("times in", page);
        Assert.Contains("2026-09-01 12:00 to 2026-11-30 12:00 UTC", page);
    }
}
