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
    /// <summary>The card whose value a run changes (one more run in any timeframe that holds it).</summary>
    public const string Card = "Total executions";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // The socket is wrapped, not replaced: a listener added at construction runs before the page's own onmessage, so the
    // stamp is the frame's arrival, not the end of what the page does with it. The card's value after a POST sent at
    // `sent` is its first new value after the first frame naming executionMetrics that came after `sent`: only such a
    // frame's refetch can show the run, and a late value of an earlier run, drawn before that frame, is not this one's.
    private const string Script = """
        (() => {
          const probe = window.__liveProbe = { frames: [], cards: [], feedText: null, feedAt: null };
          probe.cardAfter = (sent) => {
            const first = probe.frames.find(f => f.at >= sent && f.sections.includes('executionMetrics'));
            const card = first && probe.cards.find(c => c.at >= first.at);
            if (!card) return null;
            const frame = probe.frames.filter(f => f.at >= sent && f.at <= card.at && f.sections.includes('executionMetrics')).at(-1);
            return { card: card.at, frame: frame.at };
          };
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

    // From inside the page: the run's POST, timed from just before it is sent to its answer's status (the 202). The
    // gateway may push the run's feed line on the socket before that answer reaches the page: a negative time, kept.
    private const string Ingest = """
        async (token, body, feedText) => {
          const probe = window.__liveProbe;
          probe.feedText = feedText;
          probe.feedAt = null;
          const sent = performance.now();
          const response = await fetch('/api/executions/events', {
            method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } });
          const accepted = performance.now();
          return { status: response.status, answer: await response.text(), sent, accepted };
        }
        """;

    private const string Describe =
        "JSON.stringify({ probe: window.__liveProbe, feed: document.querySelector('section[aria-label=\"Live activity\"]')?.innerText.slice(0, 500) })";

    /// <summary>Installs the probe; call once, before the first navigation.</summary>
    public Task InstallAsync() => tab.EvaluateExpressionOnNewDocumentAsync(Script.Replace("CARD", JsonSerializer.Serialize(Card), StringComparison.Ordinal));

    /// <summary>POSTs <paramref name="eventsJson"/> (runs of the scope shown, completed now) with the ingest token
    /// <paramref name="ingestToken"/> from inside the page; waits until the feed shows a line holding
    /// <paramref name="feedText"/>, then up to <paramref name="cardPatience"/> for the card <see cref="Card"/> to show a
    /// new value. The card's times are null where it showed none: at the platform scope a seeded run of the benchmark's
    /// (its dataset runs until midnight) can leave the window just as this one enters it, and the count stays.</summary>
    public async Task<LiveTimings> IngestAsync(string ingestToken, string eventsJson, string feedText, TimeSpan cardPatience)
    {
        var posted = await tab.EvaluateFunctionAsync<ProbedIngest>(Ingest, ingestToken, eventsJson, feedText);
        if (posted.Status != 202)
        {
            throw new InvalidOperationException($"the ingest answered {posted.Status}: {posted.Answer}");
        }
        var feed = await (await tab.WaitForAsync("window.__liveProbe.feedAt", Patience, Describe)).JsonValueAsync<double>();
        CardShown? card = null;
        try
        {
            card = await (await tab.WaitForAsync(FormattableString.Invariant($"window.__liveProbe.cardAfter({posted.Sent})"), cardPatience, Describe))
                .JsonValueAsync<CardShown>();
        }
        catch (TimeoutException)
        {
            // The count did not move within the patience given: no card time for this run.
        }
        return new LiveTimings(feed - posted.Accepted, card?.Card - posted.Accepted, card?.Card - card?.Frame);
    }
}
