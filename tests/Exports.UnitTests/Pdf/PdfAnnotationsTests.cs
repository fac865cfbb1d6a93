using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.UnitTests.Pdf;

/// <summary>The period's annotations in the PDF: numbered markers on each trend chart, and the numbered list with each
/// one's time, kind and text, since a reader of a file cannot hover.</summary>
public class PdfAnnotationsTests
{
    // 24 hourly points from 2026-11-29 12:00 to 2026-11-30 11:00; the campaign is after the last point, in the last bucket.
    private static readonly Annotation[] Annotations =
    [
        new("a1", DashboardFixtures.AsOf.AddHours(-10), "ws-acme", "incident", "Checkout provider outage"),
        new("a2", DashboardFixtures.AsOf.AddHours(-5), "all", "deploy", "Platform release 7.0"),
        new("a3", DashboardFixtures.AsOf.AddMinutes(-30), "ws-acme", "campaign", "Winter mail to trial workspaces"),
    ];

    private static readonly Lazy<RenderedPdf> Annotated = new(() => RenderedPdf.Of(DashboardFixtures.Document(
        DashboardFixtures.Overview("24h", 24, TimeSpan.FromHours(1), agents: 4, users: 3, alerts: 1) with { Annotations = Annotations }, "ws-acme")));

    [Fact]
    public void The_list_gives_each_annotation_its_number_time_kind_and_text()
    {
        var text = Annotated.Value.Text;
        Assert.Contains("Annotations", text);
        Assert.Contains("1 2026-11-30 02:00 UTC Incident Checkout provider outage", text);
        Assert.Contains("2 2026-11-30 07:00 UTC Deploy (all workspaces) Platform release 7.0", text);
        Assert.Contains("3 2026-11-30 11:30 UTC Campaign Winter mail to trial workspaces", text);
    }

    [Fact]
    public void Every_trend_chart_marks_each_annotation_with_its_number_in_time_order_the_last_one_too()
    {
        var pdf = Annotated.Value;
        // White numbers above the list's heading (the list's own badges are below it), on every page.
        var badges = pdf.Words.SelectMany((words, page) =>
        {
            var listTop = words.FirstOrDefault(w => w.Text == "Annotations")?.BoundingBox.Bottom ?? double.MinValue;
            return words.Where(w => w.Text is "1" or "2" or "3" && w.BoundingBox.Bottom > listTop && pdf.ColorOfWord(w) == "#ffffff")
                .Select(w => (Page: page, Word: w));
        }).ToList();
        // Four charts, two a row, each with markers 1, 2 and 3 on one line, left to right.
        var rows = badges.GroupBy(b => (b.Page, Math.Round(b.Word.BoundingBox.Bottom))).ToList();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(["1", "2", "3", "1", "2", "3"], row.OrderBy(b => b.Word.BoundingBox.Left).Select(b => b.Word.Text));
        }
    }

    [Fact]
    public void A_period_without_annotations_has_no_list()
    {
        var pdf = RenderedPdf.Of(DashboardFixtures.Workspace24Hours());
        Assert.DoesNotContain("Annotations", pdf.Text);
    }
}
