using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecutiveDashboard.AppHost.Infrastructure.Local;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using ExecutiveDashboard.TestSupport;
using MimeKit;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// A digest end to end: a ceo subscribes through the gateway to a daily digest of a workspace, due at the next minute in
/// a half-hour zone; the exports service sends it at that instant through the app model's own smtp4dev over real SMTP;
/// the mail's PDF parses, and every KPI value in it is the one the gateway's overview answers for the same scope, period
/// and zone at the digest's instant (as the page writes it).
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class DigestThroughGatewayTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "hand_digest";
    private const string Zone = "Asia/Kolkata";
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_digest_arrives_over_smtp_with_a_pdf_whose_numbers_are_the_overviews_at_its_instant()
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", Workspace, "Dana Digest");
        var now = DateTime.UtcNow;
        // 12 runs over the last 11 hours, 9 of them successful, by two users: a day with something in every card it has.
        await PostAsync(ingest, "/api/executions/events", [.. Enumerable.Range(0, 12)
            .Select(i => Run($"digest-r{i}", Workspace, "ag_digest", "Digest Bot", $"u_digest{i % 2}", succeeded: i % 4 != 3,
                Iso(now.AddMinutes(-55 * (i + 1))), 10 + i, 2m))]);

        // Due at the first whole minute at least 20 s ahead (the sender looks every 2 s here), stated as Kolkata's
        // wall-clock time (UTC+05:30).
        var soon = DateTime.UtcNow.AddSeconds(20);
        var due = new DateTime(soon.Ticks - soon.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddMinutes(1);
        var localTime = due.AddHours(5.5).ToString("HH:mm", CultureInfo.InvariantCulture);
        var email = $"dana.{Guid.NewGuid():N}@example.com";
        using (var saved = await ceo.PutAsync("/api/users/me/digests", Json(new JsonObject
        {
            ["digests"] = new JsonArray(new JsonObject
            {
                ["scope"] = Workspace, ["cadence"] = "daily", ["localTime"] = localTime, ["timeZone"] = Zone, ["email"] = email,
            }),
        })))
        {
            var answer = await saved.Content.ReadAsStringAsync();
            Assert.True(saved.StatusCode == HttpStatusCode.OK, answer);
            Assert.Equal(due, JsonNode.Parse(answer)!["digests"]![0]!["nextDueAt"]!.GetValue<DateTime>().ToUniversalTime());
        }

        var mailbox = new Smtp4devMailbox(app.EndpointOf(LocalServerExtensions.SmtpResource, LocalServerExtensions.Smtp4devWebEndpoint));
        var clock = Stopwatch.StartNew();
        IReadOnlyList<byte[]> mails = [];
        while (mails.Count == 0 && clock.Elapsed < Wait)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            mails = await mailbox.MessagesToAsync(email);
        }
        output.WriteLine($"the mail arrived {(DateTime.UtcNow - due).TotalSeconds:F1} s after its due instant");
        var mail = MimeMessage.Load(new MemoryStream(Assert.Single(mails)));
        Assert.StartsWith($"Daily digest: {Workspace}, ", mail.Subject);
        Assert.Contains($"asOf={due:yyyy-MM-dd'T'HH:mm:ss'Z'}", mail.TextBody);
        var attachment = (MimePart)Assert.Single(mail.Attachments);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);

        // The overview the mail stands for: the workspace's last 24 hours before the due instant, in the digest's zone.
        var overview = (await ceo.GetFromJsonAsync<JsonObject>(
            $"/api/executive/overview?workspace_id={Workspace}&timeframe=24h&asOf={Iso(due)}&tz={Uri.EscapeDataString(Zone)}"))!;
        Assert.Equal(12, overview["executionMetrics"]!["totalRuns"]!.GetValue<int>());

        using var pdf = PdfDocument.Open(bytes.ToArray());
        var words = pdf.GetPages().SelectMany(PdfContentWords.Of).ToList();
        Assert.True(PdfContentWords.HasRun(words, $"times in {Zone},"), "the PDF does not name the digest's zone");
        var info = overview["meta"]!["metricInfo"]!.AsObject();
        var missing = new List<string>();
        foreach (var section in ExportCsvRows.KpiSections)
        {
            foreach (var (metric, value) in overview[section]!.AsObject().Where(m => info.ContainsKey(m.Key)))
            {
                var text = MetricFormat.Value(value?.GetValue<double>(), info[metric]!["unit"]!.GetValue<string>());
                if (!PdfContentWords.HasRun(words, text))
                {
                    missing.Add($"{section}.{metric} = {text}");
                }
            }
        }
        Assert.True(missing.Count == 0, $"the PDF lacks the overview's {string.Join(", ", missing)}");
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
