using ExecutiveDashboard.Exports.Digests;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using ExecutiveDashboard.Exports.UnitTests.Csv;

namespace ExecutiveDashboard.Exports.UnitTests.Digests;

public sealed class HeadlineChangesTests
{
    /// <summary>The small dashboard's changes: DAU −12.5 %, executions +8.1 %, MAU +3.25 %, MRR +2.5 %, success rate
    /// −0.4 pp (WAU and credits have none): largest first, each with the page's text, and its tone by higherIsBetter.</summary>
    [Fact]
    public void The_metrics_that_moved_most_come_first_with_their_arrow_and_tone()
    {
        var headline = HeadlineChanges.Of(Dashboards.Small().Overview);

        Assert.Equal(
        [
            new HeadlineChange("Daily active users", "120", new ChangeView(ChangeDirection.Down, ChangeTone.Bad, "-12.5%")),
            new HeadlineChange("Total executions", "12,345", new ChangeView(ChangeDirection.Up, ChangeTone.Good, "+8.1%")),
            new HeadlineChange("MAU", "900", new ChangeView(ChangeDirection.Up, ChangeTone.Good, "+3.3%")),
            new HeadlineChange("MRR", "$45,000", new ChangeView(ChangeDirection.Up, ChangeTone.Good, "+2.5%")),
            new HeadlineChange("Success rate", "97.2%", new ChangeView(ChangeDirection.Down, ChangeTone.Bad, "-0.4 pp")),
        ], headline);
    }

    [Fact]
    public void A_degraded_section_has_no_headline_change()
    {
        var headline = HeadlineChanges.Of(Dashboards.Small("userMetrics").Overview);
        Assert.DoesNotContain(headline, h => h.Label is "Daily active users" or "MAU");
    }

    [Fact]
    public void A_change_that_rounds_to_zero_did_not_move()
    {
        var overview = Dashboards.Small().Overview;
        overview = overview with { UserMetrics = overview.UserMetrics with { DauChange = 0.04, MauChange = null } };
        Assert.DoesNotContain(HeadlineChanges.Of(overview), h => h.Label == "Daily active users");
    }
}
