namespace ExecutiveDashboard.Exports.Pdf.Kpis;

/// <summary>A card of the page's metrics grid (web/src/lib/cards.ts).</summary>
/// <param name="Id">The card id a saved layout names.</param>
public sealed record KpiCard(string Id, KpiLine Main, IReadOnlyList<KpiLine> Extras)
{
    public string Title => Main.Label;
}
