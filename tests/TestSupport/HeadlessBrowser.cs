using PuppeteerSharp;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// Debian's headless Chromium (<see cref="ChromiumExecutable"/>) driven by PuppeteerSharp: one tab of a fresh profile,
/// at the size and colour scheme a test asks for, that keeps the errors the page logged or threw. Disposal closes the
/// browser and deletes the profile.
/// </summary>
public sealed class HeadlessBrowser : IAsyncDisposable
{
    private readonly IBrowser _browser;
    private readonly List<string> _consoleErrors = [];

    private HeadlessBrowser(IBrowser browser, IPage page)
    {
        _browser = browser;
        Page = page;
        page.Console += (_, e) =>
        {
            // What the browser logs of its own (the favicon.ico it asks for answered 404) comes without arguments; the
            // page's console.error calls carry theirs.
            if (e.Message.Type == ConsoleType.Error && e.Message.Args is { Count: > 0 })
            {
                Record(e.Message.Text);
            }
        };
        page.PageError += (_, e) => Record(e.Message);
    }

    public IPage Page { get; }

    /// <summary>Errors the page logged or threw (console.error, uncaught exceptions), for a test's assertions.</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get { lock (_consoleErrors) { return [.. _consoleErrors]; } }
    }

    /// <summary>Starts Chromium with a tab of <paramref name="width"/>×<paramref name="height"/> CSS pixels that
    /// prefers the dark colour scheme when <paramref name="darkMode"/> is set, else the light one. Files the page
    /// downloads are saved in <paramref name="downloads"/> under their own names (CDP's Browser.setDownloadBehavior);
    /// without it, a headless browser saves none.</summary>
    public static async Task<HeadlessBrowser> LaunchAsync(int width = 1440, int height = 1000, bool darkMode = false, string? downloads = null)
    {
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = ChromiumExecutable.Find(),
            HeadlessMode = HeadlessMode.True,
            DefaultViewport = new ViewPortOptions { Width = width, Height = height },
            // The tests run as root, where Chromium's sandbox cannot start. Puppeteer's own flags already stop background
            // networking and sync; these keep the rest of Chromium's calls home off a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-component-update"],
            DownloadBehavior = downloads is null ? null : new DownloadBehavior { Policy = DownloadPolicy.Allow, DownloadPath = downloads },
        });
        try
        {
            var page = (await browser.PagesAsync()).FirstOrDefault() ?? await browser.NewPageAsync();
            await page.EmulateMediaFeaturesAsync(
                [new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = darkMode ? "dark" : "light" }]);
            return new HeadlessBrowser(browser, page);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    private void Record(string error)
    {
        lock (_consoleErrors)
        {
            _consoleErrors.Add(error);
        }
    }

    public ValueTask DisposeAsync() => _browser.DisposeAsync();
}
