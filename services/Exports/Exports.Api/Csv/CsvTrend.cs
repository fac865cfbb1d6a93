using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.Csv;

/// <summary>A trend series: its section (<c>trends.execution</c>…), where its points are, and the fields of a point.</summary>
internal sealed record CsvTrend(string Section, Func<Trends, IReadOnlyList<TimeSeriesPoint>> Points, IReadOnlyList<CsvField<TimeSeriesPoint>> Fields);
