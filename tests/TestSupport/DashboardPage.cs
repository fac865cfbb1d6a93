using System.Text.Json.Nodes;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// The web page served by the gateway, as a person sees it in <see cref="HeadlessChromium"/>: sign in, read the
/// cards, switch the timeframe, read the live feed. Found by what the page shows and its ARIA labels, as a screen
/// reader finds them, not by implementation details.
/// </summary>
public sealed class DashboardPage(HeadlessChromium browser, Uri gateway)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Where web/src/lib/auth.ts keeps the session.</summary>
    private const string SessionKey = "executive-dashboard.session";

    /// <summary>
    /// Timestamps, in ms since navigation began (<c>performance.now()</c>), the first moment the page showed every
    /// metric card with its value and every chart drawn (or saying it has no data): <c>window.__dashboardDrawnAt</c>.
    /// Also the moment the trends section appeared: <c>window.__chartsMountedAt</c>.
    /// </summary>
    private const string DrawnProbe = """
        (() => {
          const drawn = () => {
            const grid = document.querySelector('section[aria-label="Key metrics"]');
            if (!grid || grid.querySelectorAll('article').length === 0 || document.querySelector('[aria-busy="true"]')) return false;
            const charts = document.querySelectorAll('section[aria-label="Trends"] figure');
            return charts.length === 4 && [...charts].every(f =>
              f.querySelector('.recharts-surface .recharts-curve') || f.textContent.includes('No data'));
          };
          new MutationObserver(() => {
            if (window.__chartsMountedAt === undefined && document.querySelector('section[aria-label="Trends"]')) {
              window.__chartsMountedAt = performance.now();
            }
            if (window.__dashboardDrawnAt === undefined && drawn()) window.__dashboardDrawnAt = performance.now();
          }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        })();
        """;

    /// <summary>Installs the probe; call once, before the first navigation.</summary>
    public Task InstallProbeAsync() => browser.AddInitScriptAsync(DrawnProbe);

    /// <summary>Opens the page at <paramref name="pathAndQuery"/> (e.g. <c>/?timeframe=30d</c>).</summary>
    public Task OpenAsync(string pathAndQuery = "/") => browser.NavigateAsync(new Uri(gateway, pathAndQuery).ToString());

    /// <summary>Fills the development sign-in form and waits for the dashboard.</summary>
    public async Task SignInAsync(string name, string workspaces = "*")
    {
        await browser.WaitForAsync("document.querySelector('form[aria-labelledby=\"signin-title\"]')", Patience);
        await browser.FillAsync("form input[autocomplete=name]", name);
        await browser.FillAsync("form input[aria-describedby=ws-help]", workspaces);
        await browser.ClickAsync("form button[type=submit]");
        await WaitUntilDrawnAsync();
    }

    /// <summary>The page's sign-in as it keeps it (sessionStorage): the same person's token, to take to another browser.</summary>
    public Task<string> SessionAsync() => browser.EvaluateAsync<string>($"sessionStorage.getItem({HeadlessChromium.Quote(SessionKey)})");

    /// <summary>Signs in with a <see cref="SessionAsync"/> of another browser, as an identity provider signs a person in
    /// wherever they are (a development sign-in by name is someone new each time), and waits for the dashboard.</summary>
    public async Task ResumeAsync(string session)
    {
        await browser.EvaluateAsync($"sessionStorage.setItem({HeadlessChromium.Quote(SessionKey)}, {HeadlessChromium.Quote(session)})");
        await browser.ReloadAsync();
        await WaitUntilDrawnAsync();
    }

    /// <summary>Waits until every card and chart is drawn; returns that moment in ms since navigation began.</summary>
    public async Task<double> WaitUntilDrawnAsync(TimeSpan? timeout = null) =>
        (await browser.WaitForAsync("window.__dashboardDrawnAt", timeout ?? Patience))!.GetValue<double>();

    /// <summary>The value shown by the card titled <paramref name="title"/> (e.g. "Total executions").</summary>
    public async Task<string> CardValueAsync(string title) =>
        (await browser.WaitForAsync(
            $"document.querySelector('section[aria-label=\"Key metrics\"] article[aria-label={HeadlessChromium.Quote(title)}] [data-testid=metric-value]')?.textContent",
            Patience))!.GetValue<string>();

    /// <summary>The cards' titles in the order shown.</summary>
    public async Task<IReadOnlyList<string>> CardTitlesAsync() =>
        (await browser.EvaluateAsync("[...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => a.getAttribute('aria-label'))"))!
            .AsArray().Select(t => (string)t!).ToList();

    /// <summary>Waits until the cards shown are <paramref name="titles"/>, in that order.</summary>
    public Task WaitForCardTitlesAsync(IReadOnlyList<string> titles) =>
        browser.WaitForAsync(
            $"JSON.stringify([...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => a.getAttribute('aria-label'))) === {HeadlessChromium.Quote(System.Text.Json.JsonSerializer.Serialize(titles))}",
            Patience,
            describe: "[...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => a.getAttribute('aria-label')).join(', ')");

    /// <summary>Clicks the button whose text or label is <paramref name="name"/>.</summary>
    public Task ClickButtonAsync(string name) =>
        browser.ClickElementAsync(
            $"[...document.querySelectorAll('button')].find(b => b.getAttribute('aria-label') === {HeadlessChromium.Quote(name)} || b.textContent.trim() === {HeadlessChromium.Quote(name)})");

    /// <summary>In the Customize panel: ticks or unticks the card titled <paramref name="title"/>.</summary>
    public Task ToggleCardAsync(string title) =>
        browser.ClickElementAsync(
            $"[...document.querySelectorAll('ol[aria-label=\"Metric cards\"] li')].find(li => li.querySelector('label')?.textContent.endsWith({HeadlessChromium.Quote(title)}))?.querySelector('input[type=checkbox]')");

    /// <summary>Waits until the card titled <paramref name="title"/> shows <paramref name="expected"/>.</summary>
    public Task WaitForCardAsync(string title, string expected, TimeSpan? timeout = null) =>
        browser.WaitForAsync(
            $"document.querySelector('section[aria-label=\"Key metrics\"] article[aria-label={HeadlessChromium.Quote(title)}] [data-testid=metric-value]')?.textContent === {HeadlessChromium.Quote(expected)}",
            timeout ?? Patience,
            describe: "[...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => a.innerText.replace(/\\n/g, ' ')).join('\\n')");

    /// <summary>Clicks a timeframe ("24h", "7d", "30d", "90d", "All").</summary>
    public Task ChooseTimeframeAsync(string label) =>
        browser.ClickAsync($"[role=radiogroup][aria-label=Timeframe] button[title^={HeadlessChromium.Quote(label + " ")}]");

    /// <summary>Waits until the live indicator says the socket is subscribed.</summary>
    public Task WaitUntilLiveAsync(TimeSpan timeout) =>
        browser.WaitForAsync("document.querySelector('header [role=status]')?.textContent === 'Live'", timeout);

    /// <summary>Waits until a line of the live activity feed contains <paramref name="text"/>.</summary>
    public Task WaitForFeedLineAsync(string text, TimeSpan timeout) =>
        browser.WaitForAsync(
            $"[...document.querySelectorAll('section[aria-label=\"Live activity\"] li')].some(l => l.innerText.includes({HeadlessChromium.Quote(text)}))",
            timeout);
}
