using CsvHelper;
using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.Csv;

/// <summary>Writes the rows of the one tidy table, <c>section,item,metric,timestamp,value,unit</c>, straight to the
/// output: every cell goes to CsvHelper as it is produced, nothing is gathered first. Times are written in the reader's
/// <paramref name="zone"/> (UTC without one).</summary>
internal sealed class TidyRows(CsvWriter csv, DashboardMeta meta, NodaTime.DateTimeZone? zone = null)
{
    private static readonly string[] Columns = ["section", "item", "metric", "timestamp", "value", "unit"];

    /// <summary>The <c>metric</c> of the one row that stands for a section the overview could not fill.</summary>
    public const string Unavailable = "unavailable";

    private readonly HashSet<string> degraded = new(meta.Degraded, StringComparer.Ordinal);

    public void Header() => csv.WriteHeader(Columns);

    public bool IsDegraded(string section) => degraded.Contains(section);

    /// <summary>A section the overview could not fill: this row instead of rows of empty values, which would read as
    /// "no data" or, in a spreadsheet, as zeros.</summary>
    public void Missing(string section) => Row(section, null, Unavailable, null, default, null);

    public void Row<T>(string section, string? item, CsvField<T> field, DateTime timestamp, T values) =>
        Row(section, item, field.Name, timestamp, field.Value(values), UnitOf(field));

    public void Row(string section, string? item, string metric, DateTime? timestamp, CsvValue value, string? unit)
    {
        csv.WriteField(section);
        CsvText.Write(csv, item);
        csv.WriteField(metric);
        CsvTimestamp.Write(csv, timestamp, zone);
        value.WriteTo(csv, zone);
        csv.WriteField(unit);
        csv.EndRecord();
    }

    /// <summary>The unit from <c>meta.metricInfo</c>: the metric's, or its change's; empty when it has none.</summary>
    public string? UnitOf<T>(CsvField<T> field) =>
        field.UnitOf is { } key && meta.MetricInfo.TryGetValue(key, out var info) ? field.IsChange ? info.ChangeUnit : info.Unit : null;
}
