using System.Text.Json;
using PuppeteerSharp;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// The web page served by the gateway, as a person sees it in a <see cref="HeadlessBrowser"/>'s tab: sign in, read the
/// cards, switch the timeframe, read the live feed. Found by what the page shows and its ARIA labels, as a screen
/// reader finds them, not by implementation details.
/// </summary>
public sealed class DashboardPage(IPage tab, Uri gateway)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Where web/src/lib/auth.ts keeps the session.</summary>
    private const string SessionKey = "executive-dashboard.session";

    /// <summary>
    /// Timestamps, in ms since navigation began (<c>performance.now()</c>), the first moment the page showed every
    /// metric card with its value and every chart drawn (or saying it has no data): <c>window.__dashboardDrawnAt</c>.
    /// Also the moment the trends section appeared: <c>window.__chartsMountedAt</c>. A chart says it is drawn with
    /// <c>data-drawn="true"</c> on its figure, whatever library draws it (a canvas shows nothing to query).
    /// </summary>
    private const string DrawnProbe = """
        (() => {
          const drawn = () => {
            const grid = document.querySelector('section[aria-label="Key metrics"]');
            if (!grid || grid.querySelectorAll('article').length === 0 || document.querySelector('[aria-busy="true"]')) return false;
            const trends = document.querySelectorAll('section[aria-label="Trends"] figure');
            const charts = document.querySelectorAll('section[aria-label="Trends"] figure, section[aria-label="MRR movements"] figure');
            return trends.length === 4 && [...charts].every(f => f.dataset.drawn === 'true');
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
    public Task InstallProbeAsync() => tab.EvaluateExpressionOnNewDocumentAsync(DrawnProbe);

    /// <summary>Opens the page at <paramref name="pathAndQuery"/> (e.g. <c>/?timeframe=30d</c>).</summary>
    public Task OpenAsync(string pathAndQuery = "/") => tab.GoToAsync(new Uri(gateway, pathAndQuery).ToString());

    /// <summary>Fills the development sign-in form (<paramref name="role"/>: "ceo" or "admin") and waits for the dashboard.</summary>
    public async Task SignInAsync(string name, string workspaces = "*", string role = "ceo")
    {
        await tab.WaitForAsync("document.querySelector('form[aria-labelledby=\"signin-title\"]')", Patience);
        await tab.FillAsync("form input[autocomplete=name]", name);
        await tab.SelectAsync("form select", role);
        await tab.FillAsync("form input[aria-describedby=ws-help]", workspaces);
        await tab.ClickElementAsync("document.querySelector('form button[type=submit]')");
        await WaitUntilDrawnAsync();
    }

    /// <summary>The page's sign-in as it keeps it (sessionStorage): the same person's token, to take to another tab.</summary>
    public Task<string> SessionAsync() => tab.EvaluateExpressionAsync<string>($"sessionStorage.getItem({Quote(SessionKey)})");

    /// <summary>Signs in with a <see cref="SessionAsync"/> of another browser, as an identity provider signs a person in
    /// wherever they are (a development sign-in by name is someone new each time), and waits for the dashboard.</summary>
    public async Task ResumeAsync(string session)
    {
        await tab.EvaluateExpressionAsync($"sessionStorage.setItem({Quote(SessionKey)}, {Quote(session)})");
        await tab.ReloadAsync();
        await WaitUntilDrawnAsync();
    }

    /// <summary>Waits until every card and chart is drawn; returns that moment in ms since navigation began.</summary>
    public async Task<double> WaitUntilDrawnAsync(TimeSpan? timeout = null) =>
        await (await tab.WaitForAsync("window.__dashboardDrawnAt", timeout ?? Patience)).JsonValueAsync<double>();

    /// <summary>The value shown by the card titled <paramref name="title"/> (e.g. "Total executions").</summary>
    public async Task<string> CardValueAsync(string title) =>
        await (await tab.WaitForAsync(
            $"document.querySelector('section[aria-label=\"Key metrics\"] article[aria-label={Quote(title)}] [data-testid=metric-value]')?.textContent",
            Patience)).JsonValueAsync<string>();

    /// <summary>The cards' titles in the order shown.</summary>
    public async Task<IReadOnlyList<string>> CardTitlesAsync() =>
        await tab.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => a.getAttribute('aria-label'))");

    /// <summary>Waits until the cards shown are <paramref name="titles"/>, in that order.</summary>
    public Task WaitForCardTitlesAsync(IReadOnlyList<string> titles) =>
        tab.WaitForAsync(
            $"JSON.stringify([...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => a.getAttribute('aria-label'))) === {Quote(JsonSerializer.Serialize(titles))}",
            Patience,
            describe: "[...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => a.getAttribute('aria-label')).join(', ')");

    /// <summary>Clicks the button whose text or label is <paramref name="name"/>.</summary>
    public Task ClickButtonAsync(string name) =>
        tab.ClickElementAsync(
            $"[...document.querySelectorAll('button')].find(b => b.getAttribute('aria-label') === {Quote(name)} || b.textContent.trim() === {Quote(name)})");

    /// <summary>Opens the header's Export menu (a WAI-ARIA menu button) once it may be used (numbers on screen, no export
    /// running) and chooses the item <paramref name="item"/> ("PDF", "CSV").</summary>
    public async Task ExportAsync(string item)
    {
        const string ExportButton = "[...document.querySelectorAll('button[aria-haspopup=menu]')].find(b => b.textContent.includes('Export'))";
        await tab.WaitForAsync($"{ExportButton}?.getAttribute('aria-disabled') === 'false'", Patience);
        await tab.ClickElementAsync(ExportButton);
        await tab.ClickElementAsync(
            $"[...document.querySelectorAll('[role=menu] [role=menuitem]')].find(i => i.textContent.trim().startsWith({Quote(item)}))");
    }

    /// <summary>In the Customize panel: ticks or unticks the card titled <paramref name="title"/>.</summary>
    public Task ToggleCardAsync(string title) =>
        tab.ClickElementAsync(
            $"[...document.querySelectorAll('ol[aria-label=\"Metric cards\"] li')].find(li => li.querySelector('label')?.textContent.endsWith({Quote(title)}))?.querySelector('input[type=checkbox]')");

    /// <summary>Waits until the card titled <paramref name="title"/> shows <paramref name="expected"/>.</summary>
    public Task WaitForCardAsync(string title, string expected, TimeSpan? timeout = null) =>
        tab.WaitForAsync(
            $"document.querySelector('section[aria-label=\"Key metrics\"] article[aria-label={Quote(title)}] [data-testid=metric-value]')?.textContent === {Quote(expected)}",
            timeout ?? Patience,
            describe: "[...document.querySelectorAll('section[aria-label=\"Key metrics\"] article')].map(a => a.innerText.replace(/\\n/g, ' ')).join('\\n')");

    /// <summary>Clicks a timeframe ("24h", "7d", "30d", "90d", "All").</summary>
    public Task ChooseTimeframeAsync(string label) =>
        tab.ClickElementAsync($"document.querySelector({Quote($"[role=radiogroup][aria-label=Timeframe] button[title^={Quote(label + " ")}]")})");

    /// <summary>Waits until the live indicator says the socket is subscribed.</summary>
    public Task WaitUntilLiveAsync(TimeSpan timeout) =>
        tab.WaitForAsync("document.querySelector('header [role=status]')?.textContent === 'Live'", timeout);

    /// <summary>Waits until a line of the live activity feed contains <paramref name="text"/>.</summary>
    public Task WaitForFeedLineAsync(string text, TimeSpan timeout) =>
        tab.WaitForAsync(
            $"[...document.querySelectorAll('section[aria-label=\"Live activity\"] li')].some(l => l.innerText.includes({Quote(text)}))",
            timeout);

    /// <summary>The page's scope as its URL says (<c>scope=</c>), null where the URL names none.</summary>
    public Task<string?> ScopeAsync() => tab.EvaluateExpressionAsync<string?>("new URLSearchParams(location.search).get('scope')");

    /// <summary>Activates the workspace <paramref name="workspace"/> in the table section <paramref name="section"/>
    /// ("Top agents", "Top users") from the keyboard (focus, Enter) and waits until the URL's scope is that workspace.
    /// Not a mouse click: a click lands where the button was when it was measured, and right after an ingest the
    /// "catching up" notice comes and goes above the tables, moving them.</summary>
    public async Task ShowWorkspaceAsync(string section, string workspace)
    {
        var button = $"document.querySelector({Quote($"section[aria-label={Quote(section)}] button[aria-label={Quote($"Show workspace {workspace}")}]")})";
        await tab.WaitForAsync($"{button} !== null", Patience);
        await tab.EvaluateExpressionAsync($"{button}.focus()");
        await tab.Keyboard.PressAsync("Enter");
        await tab.WaitForAsync($"new URLSearchParams(location.search).get('scope') === {Quote(workspace)}", Patience, describe: "location.href");
    }

    /// <summary>Waits until the section labelled <paramref name="section"/> shows <paramref name="text"/>; returns its text.</summary>
    public async Task<string> WaitForSectionTextAsync(string section, string text, TimeSpan? timeout = null) =>
        await (await tab.WaitForAsync(
            $"(() => {{ const s = {SectionOf(section)}; return s?.innerText.includes({Quote(text)}) ? s.innerText : null; }})()",
            timeout ?? Patience, describe: $"{SectionOf(section)}?.innerText ?? document.body.innerText.slice(0, 2000)")).JsonValueAsync<string>();

    /// <summary>The text of the section labelled <paramref name="section"/>, null when there is none.</summary>
    public Task<string?> SectionTextAsync(string section) => tab.EvaluateExpressionAsync<string?>($"{SectionOf(section)}?.innerText ?? null");

    /// <summary>Waits until the section labelled <paramref name="section"/> says it could not be shown (its error
    /// boundary: <c>role="alert"</c> and a Retry button); returns the alert's text.</summary>
    public async Task<string> WaitForSectionFailureAsync(string section, TimeSpan? timeout = null) =>
        await (await tab.WaitForAsync(
            $"(() => {{ const s = {SectionOf(section)}; const a = [...(s?.querySelectorAll('[role=alert]') ?? [])].find(a => a.textContent.trim().startsWith('This section could not be shown')); " +
            "return a && [...s.querySelectorAll('button')].some(b => b.textContent.trim() === 'Retry') ? a.textContent.trim() : null; })()",
            timeout ?? Patience, describe: $"{SectionOf(section)}?.outerHTML.slice(0, 2000) ?? document.body.innerText.slice(0, 2000)")).JsonValueAsync<string>();

    /// <summary>Clicks the Retry button of the section labelled <paramref name="section"/>.</summary>
    public Task RetrySectionAsync(string section) =>
        tab.ClickElementAsync($"[...{SectionOf(section)}.querySelectorAll('button')].find(b => b.textContent.trim() === 'Retry')");

    /// <summary>Waits until the alerts panel offers to acknowledge an alert of <paramref name="type"/>, then clicks it.</summary>
    public Task AcknowledgeAsync(string type) =>
        tab.ClickElementAsync($"{SectionOf("Alerts")}.querySelector({Quote($"button[aria-label={Quote($"Acknowledge {type}")}]")})");

    /// <summary>Whether the alerts panel offers to acknowledge an alert of <paramref name="type"/>.</summary>
    public Task<bool> CanAcknowledgeAsync(string type) =>
        tab.EvaluateExpressionAsync<bool>($"!!{SectionOf("Alerts")}?.querySelector({Quote($"button[aria-label={Quote($"Acknowledge {type}")}]")})");

    /// <summary>Opens the "Alert rules" dialog and waits until it shows the fieldset of <paramref name="rule"/>.</summary>
    public async Task OpenAlertRulesAsync(string rule)
    {
        await ClickButtonAsync("Alert rules");
        await tab.WaitForAsync($"{RuleOf(rule)}", Patience, describe: $"{AlertRulesDialog}?.innerText ?? document.body.innerText.slice(0, 2000)");
    }

    /// <summary>In the "Alert rules" dialog, types <paramref name="value"/> into the input labelled
    /// <paramref name="parameter"/> of the rule <paramref name="rule"/>, as a person would (select all, type over).</summary>
    public async Task SetRuleParameterAsync(string rule, string parameter, string value)
    {
        var input = $"(() => {{ const f = {RuleOf(rule)}; return [...f.querySelectorAll('input')].find(i => [...(i.labels ?? [])].some(l => l.textContent.trim().startsWith({Quote(parameter)})) || i.getAttribute('aria-label') === {Quote(parameter)}); }})()";
        await tab.ClickElementAsync(input);
        await tab.Keyboard.DownAsync("Control");
        await tab.Keyboard.PressAsync("KeyA");
        await tab.Keyboard.UpAsync("Control");
        await tab.Keyboard.PressAsync("Backspace");
        await tab.Keyboard.SendCharacterAsync(value);
        await tab.WaitForAsync($"{input}.value === {Quote(value)}", Patience, describe: $"{input}?.value");
    }

    /// <summary>Clicks the Save button of the rule <paramref name="rule"/> in the "Alert rules" dialog.</summary>
    public Task SaveRuleAsync(string rule) =>
        tab.ClickElementAsync($"[...{RuleOf(rule)}.querySelectorAll('button')].find(b => b.textContent.trim() === 'Save')");

    /// <summary>Waits until the rule <paramref name="rule"/>'s fieldset shows <c>role="alert"</c> text holding
    /// <paramref name="text"/>; returns that text.</summary>
    public async Task<string> WaitForRuleProblemAsync(string rule, string text) =>
        await (await tab.WaitForAsync(
            $"[...{RuleOf(rule)}.querySelectorAll('[role=alert]')].map(a => a.textContent.trim()).find(t => t.includes({Quote(text)}))",
            Patience, describe: $"{RuleOf(rule)}?.innerText ?? {AlertRulesDialog}?.innerText ?? document.body.innerText.slice(0, 2000)")).JsonValueAsync<string>();

    /// <summary>The text of the rule <paramref name="rule"/>'s <c>role="alert"</c> elements, joined ("" when none).</summary>
    public Task<string> RuleProblemsAsync(string rule) =>
        tab.EvaluateExpressionAsync<string>($"[...{RuleOf(rule)}.querySelectorAll('[role=alert]')].map(a => a.textContent.trim()).join(' ')");

    private static string SectionOf(string label) => $"document.querySelector({Quote($"section[aria-label={Quote(label)}]")})";

    /// <summary>The dialog named "Alert rules": by aria-label or by the text of what aria-labelledby names.</summary>
    private const string AlertRulesDialog =
        "[...document.querySelectorAll('dialog, [role=dialog]')].find(d => (d.getAttribute('aria-label') ?? (d.getAttribute('aria-labelledby') ?? '').split(' ').map(id => document.getElementById(id)?.textContent.trim() ?? '').join(' ')).trim() === 'Alert rules')";

    private static string RuleOf(string rule) =>
        $"[...({AlertRulesDialog}?.querySelectorAll('fieldset') ?? [])].find(f => f.querySelector('legend')?.textContent.trim() === {Quote(rule)})";

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
