using System.Text.Json;
using PuppeteerSharp;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// Times the page's live path on the browser's own clock (<c>performance.now()</c>), for the page benchmark and the
/// browser tests alike: a run is POSTed to the ingest from inside the page, and the probe, installed before the page's
/// scripts, stamps the <c>202</c>, each <c>metrics_update</c> frame as the page's WebSocket receives it, each new value of
/// the card <see cref="Card"/> as it enters the DOM (a MutationObserver: the next frame paints it), and the first line
/// of the "Live activity" feed that holds the run's text. One clock for all, so no clock of another process skews them.
/// </summary>
public sealed class LiveProbe(IPage tab)
{
    /// <summary>The card whose value every run changes (one more run in any timeframe that holds it).</summary>
    public const string Card = "Total executions";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // The socket is wrapped, not replaced: a listener added at construction runs before the page's own onmessage, so the
    // stamp is the frame's arrival, not the end of what the page does with it.
    private const string Script = """
        (() => {
          const probe = window.__liveProbe = { frames: [], cards: [], feedText: null, feedAt: null };
          const Native = window.WebSocket;
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', (e) => {
                const at = performance.now();
                try {
                  const frame = JSON.parse(e.data);
                  if (frame.event === 'metrics_update') probe.frames.push({ at, sections: frame.sections });
                } catch { /* not JSON: not a frame of the gateway's */ }
              });
            }
          };
          const card = () => document.querySelector('section[aria-label="Key metrics"] article[aria-label=CARD] [data-testid=metric-value]')?.textContent ?? null;
          let shown = null;
          new MutationObserver(() => {
            const at = performance.now();
            const value = card();
            if (value !== null && shown !== null && value !== shown) probe.cards.push({ at, value });
            if (value !== null) shown = value;
            if (probe.feedText !== null && probe.feedAt === null &&
                [...document.querySelectorAll('section[aria-label="Live activity"] li')].some(l => l.textContent.includes(probe.feedText))) {
              probe.feedAt = at;
            }
          }).observe(document, { subtree: true, childList: true, characterData: true });
        })();
        """;

    // From inside the page: the run's POST, timed from just before it is sent to its answer.
    private const string Ingest = """
        async (token, body, feedText) => {
          const probe = window.__liveProbe;
          probe.feedText = feedText;
          probe.feedAt = null;
          const cards = probe.cards.length;
          const sent = performance.now();
          const response = await fetch('/api/executions/events', {
            method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } });
          return { status: response.status, answer: await response.text(), sent, accepted: performance.now(), cards };
        }
        """;

    // The first new value of the card after the POST was sent, and the last frame naming executionMetrics before it: the
    // one whose refetch drew that value (a frame for another section, e.g. the users', may come in between).
    private const string Result = """
        (sent, accepted, cards) => {
          const probe = window.__liveProbe;
          const card = probe.cards[cards].at;
          const frame = probe.frames.filter(f => f.at >= sent && f.at <= card && f.sections.includes('executionMetrics')).at(-1)?.at ?? NaN;
          return { acceptedToFeed: probe.feedAt - accepted, acceptedToCard: card - accepted, frameToCard: card - frame };
        }
        """;

    /// <summary>Installs the probe; call once, before the first navigation.</summary>
    public Task InstallAsync() => tab.EvaluateExpressionOnNewDocumentAsync(Script.Replace("CARD", JsonSerializer.Serialize(Card), StringComparison.Ordinal));

    /// <summary>POSTs <paramref name="eventsJson"/> (runs of the scope shown, completed now) with the ingest token
    /// <paramref name="ingestToken"/> from inside the page, and waits until the feed shows a line holding
    /// <paramref name="feedText"/> and the card <see cref="Card"/> a new value.</summary>
    public async Task<LiveTimings> IngestAsync(string ingestToken, string eventsJson, string feedText, TimeSpan? timeout = null)
    {
        var posted = await tab.EvaluateFunctionAsync<ProbedIngest>(Ingest, ingestToken, eventsJson, feedText);
        if (posted.Status != 202)
        {
            throw new InvalidOperationException($"the ingest answered {posted.Status}: {posted.Answer}");
        }
        await tab.WaitForAsync($"window.__liveProbe.feedAt !== null && window.__liveProbe.cards.length > {posted.Cards}", timeout ?? Patience,
            describe: "JSON.stringify({ probe: window.__liveProbe, feed: document.querySelector('section[aria-label=\"Live activity\"]')?.innerText.slice(0, 500) })");
        return await tab.EvaluateFunctionAsync<LiveTimings>(Result, posted.Sent, posted.Accepted, posted.Cards);
    }
}
