using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>One of the four trend charts as the page draws it (web/src/components/ChartsSection.tsx).</summary>
/// <param name="Filled">An area under the first series (users, revenue).</param>
/// <param name="Step">Drawn as steps: MRR holds its value until the next change.</param>
internal sealed record TrendChart(
    string Title, string Section, IReadOnlyList<TimeSeriesPoint> Points, IReadOnlyList<ChartSeries> Series,
    Func<double, string> YLabel, bool Filled = false, bool Step = false, bool FromZero = false);
