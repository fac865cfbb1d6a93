using System.Security.Cryptography;
using ExecutiveDashboard.Exports.Digests;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using ExecutiveDashboard.Exports.Pdf.Kpis;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using MimeKit;
using Npgsql;

namespace ExecutiveDashboard.Exports.IntegrationTests.Digests;

/// <summary>Digests sent by the real service through a real SMTP server (smtp4dev), read back through its API.</summary>
[Collection(DigestsCollection.Name)]
public sealed class DigestSendingTests(ExportsServersFixture servers, SmtpServer smtp) : DigestTests(servers, smtp)
{
    [Fact]
    public async Task A_digest_is_received_with_its_pdf_whose_numbers_equal_the_overview()
    {
        var email = Email("dana");
        var dana = Person("u_dana", "ws_1 ws_2");
        var due = (await SaveAsync(dana, Body(Weekly("ws_1", email)))).Digests.Single().NextDueAt;

        Assert.Equal(0, await RunAtAsync(due.AddSeconds(-1)));
        Assert.Equal(1, await RunAtAsync(due.AddSeconds(1)));

        var mail = Assert.Single(await MailsToAsync(email));
        Assert.StartsWith("Weekly digest: ws_1, Mon ", mail.Subject);
        Assert.Contains("▼ Daily active users: 120 (-12.5%, bad)", mail.TextBody);
        Assert.Contains($"https://dash.example.com/?timeframe=7d&scope=ws_1&asOf={due:yyyy-MM-dd'T'HH:mm:ss'Z'}", mail.TextBody);
        var attachment = (MimePart)Assert.Single(mail.Attachments);
        using var pdfBytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdfBytes);
        var pdf = pdfBytes.ToArray();

        // The numbers of the PDF are the overview's: every KPI card's value as the page writes it.
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        var overview = Service.Dashboard.Overview!;
        foreach (var card in KpiCards.Cards(overview, []))
        {
            Assert.Contains(MetricFormat.Value(card.Main.Value, card.Main.Info.Unit), text);
        }
        Assert.Contains("ws_1", text);

        // Read with a token of exactly Dana's grants, signed by the service.
        var token = new JsonWebToken(Assert.Single(Service.Dashboard.Authorizations)["Bearer ".Length..]);
        Assert.Equal(("u_dana", Roles.Ceo, "ws_1 ws_2", TestIssuer.Everyone.KeyId),
            (token.Subject, token.GetClaim("role").Value, token.GetClaim("workspaces").Value, token.Kid));

        // Audited like any export, with channel digest, and the chain still verifies.
        var record = Assert.Single(await DigestRecordsAsync());
        Assert.Equal((ExportChannel.Digest, "u_dana", "ws_1", "7d", "pdf", ExportOutcome.Ok, Convert.ToHexStringLower(SHA256.HashData(pdf))),
            (record.Channel, record.Subject, record.Scope, record.Timeframe, record.Format, record.Outcome, record.Sha256));
        Assert.Equal(["ws_1", "ws_2"], record.TokenWorkspaces);
        Assert.Equal(due, record.AsOf);
        Assert.True((await Service.Audit.VerifyAsync(CancellationToken.None)).Valid);

        var last = Assert.Single((await ListAsync(dana)).Digests).LastSend!;
        Assert.Equal((due, DigestSendStatus.Sent, 1, null), (last.DueAt, last.Status, last.Attempts, last.Reason));

        // Sent once: a later round sends nothing more until the next week.
        Assert.Equal(0, await RunAtAsync(due.AddDays(6)));
        Assert.Single(await MailsToAsync(email));
    }

    [Fact]
    public async Task Two_senders_on_one_database_send_each_digest_exactly_once()
    {
        await using var replica = Configure(Servers.Replica(Service));
        replica.Dashboard.Overview = Service.Dashboard.Overview;
        var emails = Enumerable.Range(0, 12).Select(i => Email($"p{i}")).ToList();
        DateTime due = default;
        for (var person = 0; person < 4; person++)
        {
            var client = Person($"u_{person}", "*");
            var list = await SaveAsync(client, Body([.. emails.Skip(person * 3).Take(3).Select((e, i) => (object)Daily(i == 0 ? "all" : $"ws_{i}", e))]));
            due = list.Digests[0].NextDueAt;
        }
        var at = due.AddSeconds(1);
        replica.Clock.SetUtcNow(at);
        Service.Clock.SetUtcNow(at);

        // Both replicas run rounds at once, twice each: every digest is due in all of them.
        var attempted = await Task.WhenAll(RunAsync(Service), RunAsync(replica), RunAsync(Service), RunAsync(replica));

        Assert.Equal(emails.Count, attempted.Sum());
        foreach (var email in emails)
        {
            Assert.Single(await MailsToAsync(email));
        }
        Assert.Equal(emails.Count, await Service.ScalarAsync("SELECT count(*) FROM digest_sends WHERE status = 'sent'"));
        Assert.Equal(emails.Count, await Service.ScalarAsync("SELECT count(*) FROM export_audit WHERE channel = 'digest'"));
        Assert.True((await Service.Audit.VerifyAsync(CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task A_digest_whose_scope_is_no_longer_granted_is_not_sent()
    {
        var email = Email("demoted");
        var due = (await SaveAsync(Person("u_eve", "ws_1 ws_2"), Body(Weekly("ws_1", email)))).Digests.Single().NextDueAt;
        // Eve's next request comes with a token that no longer grants ws_1: that is what her digests are sent with.
        var now = Assert.Single((await ListAsync(Person("u_eve", "ws_2"))).Digests);
        Assert.False(now.Granted);

        Assert.Equal(1, await RunAtAsync(due.AddSeconds(1)));

        Assert.Empty(await MailsToAsync(email));
        Assert.Equal(0, Service.Dashboard.Reads);
        Assert.Empty(await DigestRecordsAsync());
        var last = Assert.Single((await ListAsync(Person("u_eve", "ws_2"))).Digests).LastSend!;
        Assert.Equal((DigestSendStatus.Skipped, "Not sent: your latest token does not grant workspace 'ws_1'."), (last.Status, last.Reason));
    }

    [Fact]
    public async Task The_platform_digest_of_a_token_that_lost_star_is_not_sent()
    {
        var email = Email("platform");
        var due = (await SaveAsync(Person("u_ops", "*"), Body(Daily("all", email)))).Digests.Single().NextDueAt;
        await ListAsync(Person("u_ops", "ws_1"));

        await RunAtAsync(due.AddSeconds(1));

        Assert.Empty(await MailsToAsync(email));
        Assert.Equal(DigestSendStatus.Skipped, Assert.Single((await ListAsync(Person("u_ops", "ws_1"))).Digests).LastSend!.Status);
    }

    [Fact]
    public async Task A_digest_whose_holder_has_not_come_back_for_30_days_is_not_sent_until_they_do()
    {
        var email = Email("away");
        var dana = Person("u_away", "ws_1");
        var due = (await SaveAsync(dana, Body(Daily("ws_1", email)))).Digests.Single().NextDueAt;

        // 29 days on, the grants are still trusted; 31 days on they are not.
        Assert.Equal(1, await RunAtAsync(due.AddDays(29).AddSeconds(1)));
        Assert.Single(await MailsToAsync(email));
        await RunAtAsync(due.AddDays(31).AddSeconds(1));
        Assert.Single(await MailsToAsync(email));
        var skipped = Assert.Single((await Service.Audit.ListAsync(new AuditQuery(null, null, null, null, null, 100), new HashSet<string> { "*" },
            CancellationToken.None)).Items);
        Assert.Equal(ExportChannel.Digest, skipped.Channel);

        // Reading the digests (the page does at every load) confirms the grants again: the next one goes out.
        var last = Assert.Single((await ListAsync(dana)).Digests).LastSend!;
        Assert.Equal(DigestSendStatus.Skipped, last.Status);
        Assert.Contains("Open the dashboard to confirm it again", last.Reason);
        await RunAtAsync(due.AddDays(32).AddSeconds(1));
        Assert.Equal(2, (await MailsToAsync(email)).Count);
    }

    private async Task<IReadOnlyList<AuditRecord>> DigestRecordsAsync() =>
        [.. (await Service.Audit.ListAsync(new AuditQuery(null, null, null, null, null, 100), new HashSet<string> { "*" }, CancellationToken.None))
            .Items.Where(r => r.Channel == ExportChannel.Digest)];
}
