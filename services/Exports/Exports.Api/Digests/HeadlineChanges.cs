using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Pdf.Formatting;
using ExecutiveDashboard.Exports.Pdf.Kpis;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>
/// The headline of a digest: of the KPIs that have a change against the previous period (the PDF's cards: DAU, WAU, MAU,
/// executions, success rate, credits, MRR), those that moved, largest change first (percent and percentage points
/// compared as numbers), at most <see cref="Max"/>. A change that rounds to 0.0 did not move; a degraded section has none.
/// </summary>
public static class HeadlineChanges
{
    public const int Max = 5;

    public static IReadOnlyList<HeadlineChange> Of(ExecutiveDashboardData overview) =>
    [
        .. KpiCards.Cards(overview, [])
            .SelectMany(card => (IEnumerable<KpiLine>)[card.Main, .. card.Extras])
            .Where(line => line is { HasChange: true, Degraded: false, Change: { } c } && double.IsFinite(c))
            .Select(line => (line, view: ChangeView.Of(line.Change, line.Info.ChangeUnit, line.Info.HigherIsBetter)))
            .Where(x => x.view.Direction is ChangeDirection.Up or ChangeDirection.Down)
            .OrderByDescending(x => Math.Abs(x.line.Change!.Value))
            .ThenBy(x => x.line.Label, StringComparer.Ordinal)
            .Take(Max)
            .Select(x => new HeadlineChange(x.line.Label, MetricFormat.Value(x.line.Value, x.line.Info.Unit), x.view)),
    ];
}
