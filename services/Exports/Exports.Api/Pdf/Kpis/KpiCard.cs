namespace ExecutiveDashboard.Exports.Pdf.Kpis;

/// <summary>A card of the page's metrics grid (web/src/lib/cards.ts), or a tile for a KPI no card shows.</summary>
/// <param name="Id">The card id a saved layout names, or the metric key of a tile.</param>
public sealed record KpiCard(string Id, KpiLine Main, IReadOnlyList<KpiLine> Extras)
{
    public string Title => Main.Label;
}
