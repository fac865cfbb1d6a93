using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.Pdf.Content;

/// <summary>One line of a trend chart: its legend name, colour (hex) and the number it takes from each point.</summary>
internal sealed record ChartSeries(string Name, string Color, Func<TimeSeriesPoint, double> Value);
