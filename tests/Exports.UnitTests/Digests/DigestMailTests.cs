using ExecutiveDashboard.Exports.Digests;
using ExecutiveDashboard.Exports.Overview;
using ExecutiveDashboard.Exports.UnitTests.Csv;
using MimeKit;

namespace ExecutiveDashboard.Exports.UnitTests.Digests;

public sealed class DigestMailTests
{
    private static readonly DateTime Due = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    private static readonly DigestRow Digest = new(
        Guid.Parse("0191f3c2-0000-7000-8000-000000000001"),
        new DigestHolder("u_dana", "Dana", "ceo", ["ws_1"]),
        new DigestSettings(null, "ws_1", DigestCadence.Weekly, "monday", "09:00", "Europe/Paris", "dana@example.com"),
        Due.AddDays(7),
        Due.AddDays(-1));

    private static MimeMessage Compose(IReadOnlyList<AlertItem>? raised = null, IReadOnlyList<AlertItem>? resolved = null)
    {
        var content = new DigestContent(new DigestKey("ws_1", "7d", Due, "Europe/Paris"), Dashboards.Small().Overview,
            raised ?? [], resolved ?? [], "%PDF-1.7 test"u8.ToArray(), "ab", "executive-dashboard_ws_1_7d_20261207T080000Z.pdf", TimeSpan.Zero);
        return DigestMail.Compose(Digest, Due, content, new DigestOptions { PublicUrl = new Uri("https://dash.example.com") });
    }

    [Fact]
    public void The_mail_goes_to_the_digests_address_named_in_its_zone_with_the_pdf_attached()
    {
        var mail = Compose();

        Assert.Equal("dana@example.com", ((MailboxAddress)mail.To.Single()).Address);
        // 08:00Z is 09:00 in Paris in December.
        Assert.Equal("Weekly digest: ws_1, Mon 7 Dec 2026, 09:00", mail.Subject);
        Assert.Equal("digest-0191f3c2000070008000000000000001-20261207T080000Z@executive-dashboard", mail.MessageId);
        var attachment = (MimePart)mail.Attachments.Single();
        Assert.Equal("executive-dashboard_ws_1_7d_20261207T080000Z.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
    }

    [Fact]
    public void Text_and_html_show_the_headline_with_arrows_the_movements_and_the_link()
    {
        var mail = Compose();

        Assert.Contains("▼ Daily active users: 120 (-12.5%, bad)", mail.TextBody);
        Assert.Contains("▲ MRR: $45,000 (+2.5%, good)", mail.TextBody);
        Assert.Contains("New: $1,500", mail.TextBody);
        // A contraction is a loss: shown negative. Reactivation is null here, so the net is not a number either.
        Assert.Contains("Contraction: -$120.50", mail.TextBody);
        Assert.Contains("Net MRR change: n/a", mail.TextBody);
        Assert.Contains("https://dash.example.com/?timeframe=7d&scope=ws_1&asOf=2026-12-07T08:00:00Z", mail.TextBody);
        Assert.Contains("href=\"https://dash.example.com/?timeframe=7d&amp;scope=ws_1&amp;asOf=2026-12-07T08:00:00Z\"", mail.HtmlBody);
        Assert.Contains("color:#b91c1c\" aria-label=\"bad\">▼ -12.5%", mail.HtmlBody);
        Assert.Contains("color:#15803d\" aria-label=\"good\">▲ +2.5%", mail.HtmlBody);
    }

    [Fact]
    public void Alerts_of_the_period_are_listed_and_their_text_cannot_make_html()
    {
        var alert = new AlertItem("al_1", "mrr-drop", "<script>alert(1)</script> & more", "high", Due.AddHours(-30), "resolved", Due.AddHours(-2));
        var mail = Compose(raised: [alert], resolved: [alert]);

        Assert.Contains("Alerts raised (1)", mail.TextBody);
        // 30 h before Mon 08:00Z is Sun 02:00Z, 03:00 in Paris.
        Assert.Contains("[high] <script>alert(1)</script> & more (raised Sun 6 Dec 2026, 03:00)", mail.TextBody);
        Assert.Contains("(resolved Mon 7 Dec 2026, 07:00)", mail.TextBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", mail.HtmlBody);
    }

    [Fact]
    public void Alerts_that_could_not_be_read_are_said_to_be_missing()
    {
        var content = new DigestContent(new DigestKey("ws_1", "7d", Due, "Europe/Paris"), Dashboards.Small().Overview, null, null,
            "%PDF"u8.ToArray(), "ab", "f.pdf", TimeSpan.Zero);
        var mail = DigestMail.Compose(Digest, Due, content, new DigestOptions());
        Assert.Contains("Not available: the alerts could not be read.", mail.TextBody);
    }
}
