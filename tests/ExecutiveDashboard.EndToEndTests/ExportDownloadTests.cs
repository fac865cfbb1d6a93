using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ExecutiveDashboard.TestSupport;
using PuppeteerSharp;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The page's Export menu in Debian's headless Chromium, against the whole app model: a ceo signed in on a workspace
/// chooses PDF, then CSV, and each file lands in the browser's download directory under the name the server gave it
/// (<c>Content-Disposition</c>), byte for byte the body the server sent (its <c>X-Content-SHA256</c>), holding the numbers
/// on screen.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ExportDownloadTests(DashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "export_download";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_ceo_clicks_Export_and_the_browser_saves_the_PDF_and_the_CSV_under_the_servers_filename()
    {
        // Two runs in the page's default timeframe (7 days).
        var ingest = await app.SignInAsync("ingest", "*");
        var now = DateTime.UtcNow;
        await PostAsync(ingest, "/api/executions/events",
            Run("export-r1", Workspace, "ag_export", "Export Bot", "u_export1", true, Iso(now.AddHours(-3)), 12, 1.00m),
            Run("export-r2", Workspace, "ag_export", "Export Bot", "u_export2", false, Iso(now.AddDays(-2)), 20, 1.00m));
        var ceo = await app.SignInAsync("ceo", Workspace);
        var (answer, _, counted) = await OverviewJson.ReadUntilAsync(ceo, Workspace, "7d", Iso(DateTime.UtcNow),
            a => (int?)a["executionMetrics"]?["totalRuns"] == 2, Patience);
        Assert.True(counted, $"the overview did not count the 2 runs: {answer.ToJsonString()}");

        var downloads = Directory.CreateTempSubdirectory("export-downloads-");
        try
        {
            await using var browser = await HeadlessBrowser.LaunchAsync(downloads: downloads.FullName);
            var page = new DashboardPage(browser.Page, app.Gateway.BaseAddress!);
            await page.InstallProbeAsync();
            await page.OpenAsync();
            await page.SignInAsync("E2E Export CEO", Workspace);
            await page.WaitForCardAsync("Total executions", "2");

            // The scope and timeframe on screen, and an asOf to the second.
            const string Name = $"^executive-dashboard_{Workspace}_7d_[0-9]{{8}}T[0-9]{{6}}Z";
            var pdf = await DownloadAsync(browser.Page, page, "PDF", downloads.FullName);
            Assert.Matches($"{Name}\\.pdf$", pdf.Name);
            Assert.Equal("%PDF-"u8.ToArray(), pdf.Bytes[..5]);

            var csv = await DownloadAsync(browser.Page, page, "CSV", downloads.FullName);
            Assert.Matches($"{Name}\\.csv$", csv.Name);
            var text = Encoding.UTF8.GetString(csv.Bytes);
            Assert.StartsWith("\uFEFFsection,item,metric,timestamp,value,unit\r\n", text, StringComparison.Ordinal);
            var rows = text.TrimStart('\uFEFF').Split("\r\n").Select(line => line.Split(',')).ToList();
            Assert.Contains(rows, r => r is ["meta", "", "scope", "", Workspace, ..]);
            Assert.Contains(rows, r => r is ["executionMetrics", "", "totalRuns", _, "2", ..]);

            Assert.Empty(browser.ConsoleErrors);
            // Nothing else saved: no second copy, no file left half written.
            string[] saved = [csv.Name, pdf.Name];
            Assert.Equal(saved, Directory.GetFiles(downloads.FullName).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        }
        finally
        {
            downloads.Delete(recursive: true);
        }
    }

    /// <summary>Chooses <paramref name="item"/> in the Export menu; returns the file the browser saved once it is whole:
    /// named as the server's answer named it, with the digest the server stated.</summary>
    private async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage tab, DashboardPage page, string item, string directory)
    {
        var answered = new TaskCompletionSource<IResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnResponse(object? sender, ResponseCreatedEventArgs e)
        {
            if (e.Response.Url.Contains("/api/exports/dashboard?", StringComparison.Ordinal))
            {
                answered.TrySetResult(e.Response);
            }
        }

        tab.Response += OnResponse;
        try
        {
            await page.ExportAsync(item);
            var response = await answered.Task.WaitAsync(Patience);
            if (response.Status != HttpStatusCode.OK)
            {
                Assert.Fail($"{item}: the server answered {(int)response.Status} {await response.TextAsync()}");
            }
            var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
            var name = Regex.Match(headers["Content-Disposition"], "filename=\"([^\"]+)\"").Groups[1].Value;
            var sha256 = headers["X-Content-SHA256"];
            var path = Path.Combine(directory, name);

            byte[] bytes = [];
            var took = await Poll.UntilAsync($"{name} saved whole in {directory}", () =>
            {
                bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
                return Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256;
            }, Patience);
            output.WriteLine($"{item}: {name}, {bytes.Length:N0} bytes, saved {took.TotalMilliseconds:F0} ms after the answer");
            return (name, bytes);
        }
        finally
        {
            tab.Response -= OnResponse;
        }
    }
}
