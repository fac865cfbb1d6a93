using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Exports.Digests;
using ExecutiveDashboard.TestSupport;
using NodaTime;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// <paramref name="count"/> weekly digests (PDF attached) due at one instant, sent by the running system through its SMTP
/// server (the app model's smtp4dev): ten per person (the most one may keep), each person a development token of its own,
/// spread over <c>all</c> and 50 workspaces and four time zones whose local times name the same instant. Their time is
/// the next whole minute at least 90 s away; the benchmark then polls each person's digests until every one has a sent
/// (or failed) last send, and prints the time from the due instant to the first and last mail (the sender looks every
/// 30 s, so the first may wait that long), the rate, and the renders this implies. Removes the digests at the end.
/// </summary>
public sealed class DigestBenchmark(HttpClient http, Func<string, Task<string>> newCeoToken, int count)
{
    private const int PerPerson = 10;
    private static readonly string[] Zones = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"];
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    public async Task RunAsync()
    {
        if (count == 0)
        {
            return;
        }
        var due = Instant.FromDateTimeUtc(DateTime.UtcNow).Plus(Duration.FromSeconds(150));
        due = Instant.FromUnixTimeSeconds(due.ToUnixTimeSeconds() / 60 * 60);
        var people = (count + PerPerson - 1) / PerPerson;
        var tokens = await Task.WhenAll(Enumerable.Range(0, people).Select(p => newCeoToken($"Digest reader {p:0000} {Guid.NewGuid():N}")));
        var scopes = new HashSet<string>();
        for (var p = 0; p < people; p++)
        {
            var digests = Enumerable.Range(0, Math.Min(PerPerson, count - p * PerPerson)).Select(i =>
            {
                var zone = Zones[(p + i) % Zones.Length];
                var local = due.InZone(DateTimeZoneProviders.Tzdb[zone]);
                var scope = i == 0 ? "all" : $"bw_{(p * 9 + i) % 50 + 1:00000}";
                scopes.Add($"{scope} {zone}");
                return new
                {
                    scope, cadence = "weekly", weekday = local.DayOfWeek.ToString().ToLowerInvariant(),
                    localTime = local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture), timeZone = zone,
                    email = $"bench-{p:0000}-{i}@example.com",
                };
            }).ToList();
            using var response = await SendAsync(HttpMethod.Put, tokens[p], JsonSerializer.Serialize(new { digests }));
            response.EnsureSuccessStatusCode();
        }
        var dueAt = due.ToDateTimeUtc();
        Console.WriteLine($"digests: {count:N0} weekly digests of {people} people due at {dueAt:O}, {scopes.Count} distinct (scope, zone) pairs");

        var deadline = DateTime.UtcNow + (dueAt - DateTime.UtcNow) + Patience;
        List<DigestSendView> last = [];
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            if (DateTime.UtcNow < dueAt)
            {
                continue;
            }
            last = [.. (await Task.WhenAll(tokens.Select(ListAsync))).SelectMany(l => l.Digests)
                .Select(d => d.LastSend).OfType<DigestSendView>().Where(s => s.DueAt == dueAt)];
            var done = last.Count(s => s.Status is DigestSendStatus.Sent or DigestSendStatus.Failed or DigestSendStatus.Skipped);
            Console.WriteLine($"  {DateTime.UtcNow - dueAt:mm\\:ss} after the due time: {last.Count(s => s.Status == DigestSendStatus.Sent):N0} sent, {done:N0} done");
            if (done == count)
            {
                break;
            }
        }

        var sent = last.Where(s => s is { Status: DigestSendStatus.Sent, SentAt: not null }).Select(s => s.SentAt!.Value).Order().ToList();
        if (sent.Count > 0)
        {
            var total = sent[^1] - dueAt;
            var burst = sent[^1] - sent[0];
            Console.WriteLine($"  sent {sent.Count:N0} of {count:N0} ({last.Count(s => s.Status == DigestSendStatus.Failed)} failed); "
                + $"first {(sent[0] - dueAt).TotalSeconds:F1} s after the due time, last {total.TotalSeconds:F1} s after it (goal: 300 s)");
            Console.WriteLine($"  {sent.Count / total.TotalSeconds:F1} sent/s from the due time, {sent.Count / Math.Max(burst.TotalSeconds, 0.001):F1} sent/s from the first mail to the last");
        }
        else
        {
            Console.WriteLine("  nothing was sent");
        }
        await Task.WhenAll(tokens.Select(async token => { using var _ = await SendAsync(HttpMethod.Delete, token, null); }));
    }

    /// <summary>The page's Digests dialog with two digests, light and dark at 1440 × 1000 and on a phone (390 × 844), as
    /// <c>digests-{light,dark,phone}.png</c> in <paramref name="directory"/>.</summary>
    public async Task ScreenshotsAsync(Uri gateway, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, width, height, dark) in new[] { ("light", 1440, 1000, false), ("dark", 1440, 1000, true), ("phone", 390, 844, false) })
        {
            await using var browser = await HeadlessBrowser.LaunchAsync(width, height, dark);
            var page = new DashboardPage(browser.Page, gateway);
            await page.InstallProbeAsync();
            await page.OpenAsync();
            await page.SignInAsync("Dana Reyes");
            var token = JsonNode.Parse(await page.SessionAsync())!["token"]!.GetValue<string>();
            var body = JsonSerializer.Serialize(new
            {
                digests = new object[]
                {
                    new { scope = "all", cadence = "weekly", weekday = "monday", localTime = "08:00", timeZone = "Europe/Paris", email = "dana@example.com" },
                    new { scope = "bw_00001", cadence = "daily", localTime = "18:30", timeZone = "America/New_York", email = "dana+ops@example.com" },
                },
            });
            using (var saved = await SendAsync(HttpMethod.Put, token, body))
            {
                saved.EnsureSuccessStatusCode();
            }
            await page.ClickButtonAsync("Digests");
            await browser.Page.WaitForAsync("[...document.querySelectorAll('[role=dialog] legend')].some(l => l.textContent === 'Digest 2')", TimeSpan.FromSeconds(30));
            var file = Path.GetFullPath(Path.Combine(directory, $"digests-{name}.png"));
            await browser.Page.ScreenshotAsync(file);
            Console.WriteLine($"  screenshot: {file}");
            using var _ = await SendAsync(HttpMethod.Delete, token, null);
        }
    }

    private async Task<DigestList> ListAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Get, token, null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DigestList>())!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string token, string? body)
    {
        while (true)
        {
            var request = new HttpRequestMessage(method, "/api/users/me/digests");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            var response = await http.SendAsync(request);
            if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            // The gateway's per-token rate limit: wait as told.
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
            response.Dispose();
        }
    }
}
