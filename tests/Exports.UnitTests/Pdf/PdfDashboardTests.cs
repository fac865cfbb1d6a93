using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Files;
using ExecutiveDashboard.Exports.Pdf;
using UglyToad.PdfPig;

namespace ExecutiveDashboard.Exports.UnitTests.Pdf;

/// <summary>The PDF read back with PdfPig: what a person or a program finds in it. Expected strings are the page's
/// formats of the fixtures' values, worked out by hand.</summary>
public class PdfDashboardTests
{
    private static readonly Lazy<RenderedPdf> Platform = new(() => RenderedPdf.Of(DashboardFixtures.Platform90Days()));

    [Fact]
    public void Is_the_pdf_format() => Assert.Equal(ExportFormat.Pdf, RenderedPdf.Renderer.Format);

    [Fact]
    public void Page_one_states_title_scope_timeframe_period_and_who_generated_it_when()
    {
        var page = Platform.Value.Pages[0];
        Assert.Contains("Executive Dashboard", page);
        Assert.Contains("All workspaces", page);
        Assert.Contains("Last 90 days", page);
        Assert.Contains("2026-09-01 12:00 to 2026-11-30 12:00 UTC", page);
        Assert.Contains("Generated 2026-11-30 12:00 UTC by Ada Admin", page);
    }

    [Theory]
    [InlineData("Daily active users", "12,345 +12.3%")]
    [InlineData("Total executions", "1.2M +8.1%")]
    [InlineData("Success rate", "97.2% -1.3 pp")]   // -1.25 pp, half rounded up as the browser's toFixed does
    [InlineData("Credits used", "456,790 n/a")]
    [InlineData("Active workspaces", "312")]
    [InlineData("MRR", "$48,250 +5.5%")]
    [InlineData("Churn rate", "2.1%")]
    [InlineData("LTV : CAC", "3.2×")]
    [InlineData("p95 runtime", "3.5 min")]
    [InlineData("New users", "1,520")]
    [InlineData("Active agents", "17")]
    public void Every_card_shows_its_value_and_change_under_its_title_as_the_page_formats_them(string title, string expected) =>
        Assert.Equal(expected, Platform.Value.Below(0, title));

    [Fact]
    public void A_change_is_green_when_the_move_is_good_red_when_bad_and_grey_when_flat_or_missing()
    {
        const string green = "#047857", red = "#b91c1c", grey = "#64748b";
        var pdf = Platform.Value;
        Assert.Equal(green, pdf.ColorOf(0, "+12.3%")); // DAU up, higher is better
        Assert.Equal(red, pdf.ColorOf(0, "-4.0%"));    // WAU down
        Assert.Equal(red, pdf.ColorOf(0, "-1.3"));     // success rate down, in pp
        Assert.Equal(grey, pdf.ColorOf(0, "0.0%"));    // MAU flat
        Assert.Equal(grey, pdf.ColorOf(0, "n/a"));     // credits: no change
        // The same rise reads as bad for a metric whose metricInfo says lower is better.
        var data = DashboardFixtures.Overview();
        var info = new Dictionary<string, MetricInfo>(data.Meta.MetricInfo) { ["dau"] = data.Meta.MetricInfo["dau"] with { HigherIsBetter = false } };
        var inverted = RenderedPdf.Of(DashboardFixtures.Document(data with { Meta = data.Meta with { MetricInfo = info } }));
        Assert.Equal(red, inverted.ColorOf(0, "+12.3%"));
    }

    [Theory]
    [InlineData("Daily active users", "WAU", "45,210 -4.0%")]
    [InlineData("Daily active users", "MAU", "98,765 0.0%")]   // 0.01 % rounds to a flat 0.0%
    [InlineData("Total executions", "Successful", "1.2M")]
    [InlineData("Total executions", "Failed", "34,567")]
    [InlineData("Active workspaces", "Paid", "140")]
    [InlineData("Active workspaces", "Trial", "27")]
    [InlineData("MRR", "ARR", "$579,005")]                     // 579,004.8 to whole dollars
    [InlineData("LTV : CAC", "LTV", "$12,600")]
    [InlineData("LTV : CAC", "CAC", "$84.50")]                 // under $1,000: cents
    [InlineData("p95 runtime", "Average", "4.20 s")]
    [InlineData("New users", "Churned users", "87")]
    [InlineData("New users", "Active rate", "63.3%")]          // 63.25, half rounded up
    [InlineData("Active agents", "Total agents", "42")]
    public void Every_extra_line_of_a_card_shows_its_value_beside_its_label(string card, string label, string expected) =>
        Assert.Equal(expected, Platform.Value.InCard(0, card, label));

    [Fact]
    public void Every_cell_of_the_tables_appears_as_formatted()
    {
        var text = Platform.Value.Text;
        var data = DashboardFixtures.Overview();
        for (var i = 1; i <= 10; i++)
        {
            // Agent i: the name of agent ⌈i/2⌉, workspace ws-(i mod 2), runs 50,000 − 1,000·i, success 99.5 − 0.3·i %, runtime 3.25 + i s.
            Assert.Contains($"Agent {(i + 1) / 2:00} invoice reconciler ws-{i % 2} {50 - i},000 {99.5 - 0.3 * i:0.0}% ", text);
            // User i: workspace ws-(i mod 4), runs 9,000 − 10·i, credits 1,500.25 + i → whole credits, active i hours before asOf.
            Assert.Contains($"User {i:00} Lovelace ws-{i % 4} {9000 - 10 * i:#,0} {1500 + i:#,0} 2026-11-30 {12 - i:00}:00 UTC", text);
        }
        Assert.Contains("4.25 s", text);
        Assert.Contains("13.3 s", text); // 13.25 s, half rounded up as on the page
        foreach (var alert in data.ActiveAlerts)
        {
            Assert.Contains($"{alert.Severity} {alert.Type}", text);
            Assert.Contains(alert.Message, text);
        }
        Assert.Contains("2026-11-30 11:45 UTC", text);
    }

    [Fact]
    public void Mrr_movements_show_each_movement_and_the_net()
    {
        // 6,200 + 1,800.5 + 300 − 950 − 2,400 = 4,950.5
        var text = Platform.Value.Text;
        foreach (var row in new[] { "New +$6,200", "Expansion +$1,801", "Reactivation +$300.00", "Contraction -$950.00", "Churned -$2,400", "Net MRR change +$4,951" })
            Assert.Contains(row, text);
    }

    [Fact]
    public void Goals_show_metric_target_date_current_projection_progress_and_status()
    {
        var text = Platform.Value.Text;
        // Money above $1,000 without cents, rates to one decimal (97.25 half up), progress 0.41 → 41 %, nothing yet → n/a.
        Assert.Contains("Goals METRIC TARGET DUE CURRENT PROJECTED PROGRESS STATUS", text);
        // Each status pill is drawn (and read back) before the rest of its row.
        Assert.Contains("on track MRR $60,000 2027-03-31 $48,250 $61,201 41%", text);
        Assert.Contains("off track Success rate (30 days) 99.5% 2027-01-31 97.2% 97.3% 8%", text);
        Assert.Contains("pending Paid workspaces 200 2027-06-30 n/a n/a n/a Top agents", text);
        var goalsPage = Platform.Value.Pages.FindIndex(p => p.Contains("off track"));
        Assert.Equal("#ffffff", RenderedPdf.Of(DashboardFixtures.Platform90Days()).ColorOf(goalsPage, "off"));
        Assert.Matches("Goals METRIC TARGET DUE CURRENT PROJECTED PROGRESS STATUS No goals set for this scope\\.", RenderedPdf.Of(DashboardFixtures.Workspace24Hours()).Text);
    }

    [Fact]
    public void A_dau_goal_is_named_and_counted_in_whole_users()
    {
        var dau = new Goal("goal-d", "all", "dau", 2_500m, new DateOnly(2027, 3, 31), 1_000m, 1_600m, 2_100.4m, 0.4, "atRisk", DashboardFixtures.AsOf);
        var text = RenderedPdf.Of(DashboardFixtures.Document(DashboardFixtures.Overview(goals: [dau]))).Text;
        Assert.Contains("at risk Daily active users (DAU) 2,500 2027-03-31 1,600 2,100 40%", text);
    }

    [Fact]
    public void Every_page_is_numbered_n_of_the_final_count_and_carries_scope_and_asof()
    {
        var pages = Platform.Value.Pages;
        Assert.True(pages.Count >= 3);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
            Assert.Contains("Executive Dashboard · All workspaces · as of 2026-11-30 12:00 UTC", pages[i]);
        }
    }

    [Fact]
    public void The_metadata_has_title_author_creator_and_creation_date()
    {
        using var pdf = PdfDocument.Open(Platform.Value.Bytes);
        Assert.Equal("Executive Dashboard: All workspaces, Last 90 days, as of 2026-11-30 12:00 UTC", pdf.Information.Title);
        Assert.Equal("Ada Admin", pdf.Information.Author);
        Assert.Equal("Executive Dashboard exports service", pdf.Information.Creator);
        Assert.Equal(new DateTimeOffset(DashboardFixtures.GeneratedAt), pdf.Information.GetCreatedDateTimeOffset());
    }

    [Fact]
    public void Text_is_dejavu_embedded_as_truetype_font_files()
    {
        using var pdf = PdfDocument.Open(Platform.Value.Bytes);
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+DejaVuSans(-Bold)?$", f));
        Assert.Contains("/FontFile2", Platform.Value.Raw);
        // Subsets, not the whole DejaVu Sans (740 KB a weight): the four-page file stays small.
        Assert.True(Platform.Value.Bytes.Length < 300_000, $"{Platform.Value.Bytes.Length:N0} bytes");
    }

    [Fact]
    public void Charts_are_vector_paths_and_text_with_no_image_anywhere()
    {
        using var pdf = PdfDocument.Open(Platform.Value.Bytes);
        foreach (var page in pdf.GetPages()) Assert.Empty(page.GetImages());
        // The first page holds two charts of 90 points; their lines alone are 90 segments a series.
        var first = pdf.GetPage(1);
        var commands = first.Paths.Sum(path => path.Sum(sub => sub.Commands.Count));
        Assert.True(commands > 4 * 90, $"only {commands} path commands on the charts' page");
        // Tick labels are text: the months of the 90 days and the compact counts of the axes.
        var words = first.GetWords().Select(w => w.Text).ToHashSet();
        Assert.Contains("Oct", words);
        Assert.Contains("10K", words);
    }

    [Fact]
    public void Words_extract_whole()
    {
        var words = Platform.Value.Text.Split(' ');
        foreach (var word in new[] { "Daily", "active", "users", "Executive", "Dashboard", "SCOPE", "TIMEFRAME", "workspaces", "Definitions" })
            Assert.Contains(word, words);
    }

    [Fact]
    public void The_cards_of_the_callers_layout_come_first_in_its_order()
    {
        var page = RenderedPdf.Of(DashboardFixtures.Workspace24Hours()).Pages[0]; // card order: mrr, dau, then the default
        // Words read row by row, left to right: the first row holds MRR, then Daily active users, then Total executions.
        var mrr = page.IndexOf("Key metrics MRR ", StringComparison.Ordinal);
        var dau = page.IndexOf("Daily active users", StringComparison.Ordinal);
        var runs = page.IndexOf("Total executions", StringComparison.Ordinal);
        var p95 = page.IndexOf("p95 runtime", StringComparison.Ordinal);
        Assert.True(mrr >= 0 && mrr < dau && dau < runs && runs < p95, page);
    }

    [Fact]
    public void A_workspace_export_names_the_workspace_and_has_no_workspace_column()
    {
        var pdf = RenderedPdf.Of(DashboardFixtures.Workspace24Hours());
        Assert.Contains("SCOPE TIMEFRAME PERIOD ws-acme Last 24 hours", pdf.Pages[0]);
        Assert.Contains("AGENT RUNS SUCCESS AVG RUNTIME", pdf.Text);
        Assert.Contains("USER RUNS CREDITS LAST ACTIVE", pdf.Text);
        Assert.DoesNotContain("WORKSPACE", pdf.Text);
        Assert.DoesNotContain(" ws-0 ", pdf.Text);
    }

    [Fact]
    public void A_long_table_repeats_its_header_on_every_page_it_spans()
    {
        var pdf = RenderedPdf.Of(DashboardFixtures.LongTables());
        var userPages = pdf.Pages.Where(p => p.Contains(" Lovelace ws-")).ToList();
        var alertPages = pdf.Pages.Where(p => p.Contains("% above 2% in ws-")).ToList();
        Assert.True(userPages.Count >= 2, "60 top users span pages");
        Assert.True(alertPages.Count >= 2, "60 alerts span pages");
        Assert.All(userPages, p => Assert.Contains("USER WORKSPACE RUNS CREDITS LAST ACTIVE", p));
        Assert.All(alertPages, p => Assert.Contains("SEVERITY ALERT MESSAGE SINCE", p));
        for (var i = 1; i <= 60; i++)
        {
            Assert.Contains($"User {i:00} Lovelace", pdf.Text);
            Assert.Contains($"error_rate_{i:00}", pdf.Text);
        }
        for (var i = 0; i < pdf.Pages.Count; i++) Assert.Contains($"Page {i + 1} of {pdf.Pages.Count}", pdf.Pages[i]);
    }

    [Fact]
    public void A_degraded_section_says_unavailable_and_shows_no_number()
    {
        var pdf = RenderedPdf.Of(DashboardFixtures.Degraded()); // business metrics, top users, revenue trend, MRR movements
        const string unavailable = "Unavailable: this section could not be fetched";
        foreach (var card in new[] { "MRR", "Churn rate", "LTV : CAC" })
            Assert.Equal("Unavailable:", pdf.Below(0, card));
        Assert.Equal("this section could not be fetched", pdf.Below(0, "Unavailable:", depth: 20));
        Assert.Equal("Unavailable", pdf.InCard(0, "Active workspaces", "Paid"));
        Assert.Equal("Unavailable", pdf.InCard(0, "Active workspaces", "Trial"));
        Assert.Equal("312", pdf.Below(0, "Active workspaces")); // fed by the users service, which answered
        var chartsPage = pdf.Pages.FindIndex(p => p.Contains("Revenue (MRR)"));
        Assert.Equal(unavailable, pdf.Below(chartsPage, "Revenue (MRR)", width: 250, depth: 120));
        Assert.Contains($"MRR movements {unavailable}", pdf.Text);
        Assert.Contains($"Top users {unavailable}", pdf.Text);
        Assert.Contains($"Goals {unavailable}", pdf.Text);
        Assert.Contains("Business metrics, Top users, Revenue trend, MRR movements, Goals", pdf.Pages[0]);
        // Nothing of theirs as a zero or an n/a number: no dollar amount at all, no "n/a" beside the cards.
        Assert.DoesNotContain("$", pdf.Text.Replace("Revenue (MRR)", ""));
        Assert.DoesNotContain("MRR n/a", pdf.Text);
        Assert.DoesNotContain("Lovelace", pdf.Text);
    }

    [Fact]
    public void Concurrent_renders_give_the_same_text()
    {
        var document = DashboardFixtures.Platform90Days();
        var texts = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).Select(_ => RenderedPdf.Of(document).Text).ToList();
        Assert.All(texts, t => Assert.Equal(Platform.Value.Text, t));
    }

    [Fact]
    public void The_fonts_keep_the_characters_names_and_labels_use()
    {
        var fonts = PdfFonts.Load(PdfFonts.DefaultDirectory);
        foreach (var typeface in new[] { fonts.Regular, fonts.Bold })
        {
            using var font = new SkiaSharp.SKFont(typeface);
            Assert.True(font.ContainsGlyphs("Zoë Łukasz Ærø Şahin Nguyễn Ωμέγα Жанна $€£¥ × − · … ≤ ≥ ™ –—‘’“”"));
        }
    }

    [Fact]
    public void Missing_fonts_stop_the_service_with_a_message_naming_the_package()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PdfFonts.Load("/nonexistent/fonts"));
        Assert.Contains("fonts-dejavu-core", error.Message);
        Assert.Contains("Exports:FontDirectory", error.Message);
    }
}
