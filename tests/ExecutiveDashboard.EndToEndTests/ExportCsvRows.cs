using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsvHelper;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>One row of the export's tidy CSV: <c>section,item,metric,timestamp,value,unit</c>.</summary>
internal sealed record ExportCsvRow(string Section, string Item, string Metric, string Timestamp, string Value, string Unit)
{
    /// <summary>What identifies a row: a trend point's metric repeats once per bucket, so the timestamp is part of it
    /// (as an instant, however the file spells it).</summary>
    public string Key => $"{Section}|{Item}|{Metric}|{(ExportCsvRows.IsTime(Timestamp, out var t) ? t.UtcTicks.ToString(CultureInfo.InvariantCulture) : Timestamp)}";
}

/// <summary>
/// The CSV of an export read back with CsvHelper, and the rows the overview's JSON makes (docs/exports.md, CSV): every
/// KPI and change, every trend point's numeric fields, each MRR movement, and each table row's <see cref="Position"/> and
/// fields, with values compared as the file must write them: numbers raw and invariant, never prefixed; <c>null</c>
/// empty; times as instants; text that starts like a formula prefixed with <c>'</c>.
/// </summary>
internal static partial class ExportCsvRows
{
    public static readonly string[] Header = ["section", "item", "metric", "timestamp", "value", "unit"];
    public static readonly string[] KpiSections = ["userMetrics", "executionMetrics", "agentMetrics", "businessMetrics"];

    /// <summary>The CSV sections of the trends, where the overview keeps each, and the metric whose unit its points take
    /// (active users per bucket are no metric of <c>meta.metricInfo</c>: no unit).</summary>
    public static readonly (string Section, string Series, string? UnitOf)[] Trends =
    [
        ("trends.execution", "execution", "totalRuns"), ("trends.users", "users", null),
        ("trends.revenue", "revenue", "mrr"), ("trends.errors", "errors", "errorRate"),
    ];

    /// <summary>The metric of a table row's place in its table: not a field of the row, the file's own.</summary>
    public const string Position = "position";

    /// <summary>OWASP's formula starters, which the spec escapes on text (and only on text).</summary>
    private const string FormulaStarters = "=+-@\t\r";

    public static List<ExportCsvRow> Parse(byte[] utf8)
    {
        using var csv = CsvReader.Create(utf8, new CsvReaderOptions
        {
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        });
        Assert.Equal(Header, csv.Headers);
        var rows = new List<ExportCsvRow>();
        while (csv.Read())
        {
            rows.Add(new(csv.GetString(0), csv.GetString(1), csv.GetString(2), csv.GetString(3), csv.GetString(4), csv.GetString(5)));
        }
        return rows;
    }

    /// <summary>The rows the overview's sections make, each with the JSON value it must carry (null for an empty field)
    /// and its unit ("" for none; null where the test does not check it: the table fields').</summary>
    public static List<(ExportCsvRow Row, JsonNode? Value, string? Unit)> Expected(JsonObject overview, string asOf)
    {
        var rows = new List<(ExportCsvRow, JsonNode?, string?)>();
        var info = overview["meta"]!["metricInfo"]!.AsObject();
        string UnitOf(string? metric, string field = "unit") => metric is null ? "" : info[metric]?[field]?.GetValue<string>() ?? "";
        void Add(string section, string item, string metric, string timestamp, JsonNode? value, string? unit) =>
            rows.Add((new ExportCsvRow(section, item, metric, timestamp, "", ""), value, unit));

        foreach (var section in KpiSections)
        {
            foreach (var (metric, value) in overview[section]!.AsObject().Where(p => p.Value is null or JsonValue))
            {
                // A change row takes its metric's change unit (percent or pp).
                var unit = info.ContainsKey(metric) ? UnitOf(metric) : UnitOf(MetricOfChange(metric), "changeUnit");
                Add(section, "", metric, asOf, value, unit);
            }
        }
        foreach (var (section, series, unitOf) in Trends)
        {
            foreach (var point in overview["trends"]![series]!.AsArray().Select(p => p!.AsObject()))
            {
                var timestamp = point["timestamp"]!.GetValue<string>();
                foreach (var (field, value) in point.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number))
                {
                    Add(section, "", field, timestamp, value, UnitOf(unitOf));
                }
            }
        }
        foreach (var (movement, value) in overview["mrrMovements"]!.AsObject())
        {
            Add("mrrMovements", "", movement, asOf, value, UnitOf("mrr"));
        }
        foreach (var (section, table) in Tables(overview))
        {
            foreach (var (row, index) in table.Select((r, i) => (r!.AsObject(), i)))
            {
                var id = row["id"]!.GetValue<string>();
                // The row's 1-based place in the overview's list, which a spreadsheet's sort would otherwise lose.
                Add(section, id, Position, asOf, JsonValue.Create(index + 1), "");
                foreach (var (field, value) in row.Where(p => p.Key != "id"))
                {
                    Add(section, id, field, asOf, value, null);
                }
            }
        }
        return rows;
    }

    /// <summary>The change field of a KPI: its key + "Change", except the credits' (docs/metrics.md).</summary>
    public static string ChangeOf(string metric) => metric == "totalCreditsUsed" ? "creditsChange" : metric + "Change";

    /// <summary>The KPI a change field belongs to; null for a field that is no change.</summary>
    public static string? MetricOfChange(string change) => change == "creditsChange" ? "totalCreditsUsed"
        : change.EndsWith("Change", StringComparison.Ordinal) ? change[..^"Change".Length] : null;

    public static IEnumerable<(string Section, JsonArray Rows)> Tables(JsonObject overview) =>
    [
        ("topAgents", overview["agentMetrics"]!["topAgents"]!.AsArray()),
        ("topUsers", overview["topUsers"]!.AsArray()),
        ("activeAlerts", overview["activeAlerts"]!.AsArray()),
    ];

    /// <summary>Null when <paramref name="actual"/> is how the spec writes <paramref name="expected"/>, else what is wrong.</summary>
    public static string? Mismatch(JsonNode? expected, string actual)
    {
        switch (expected)
        {
            case null:
                return actual.Length == 0 ? null : $"expected an empty field (null), got '{actual}'";
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                var json = decimal.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return !RawNumber().IsMatch(actual) ? $"expected the raw invariant number {json}, got '{actual}'"
                    : decimal.Parse(actual, NumberStyles.Float, CultureInfo.InvariantCulture) != json ? $"expected {json}, got {actual}"
                    : null;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                var value = text.GetValue<string>();
                if (IsTime(value, out var time))
                {
                    return IsTime(actual, out var written) && written == time ? null : $"expected the instant {value}, got '{actual}'";
                }
                var escaped = value.Length > 0 && FormulaStarters.Contains(value[0]) ? "'" + value : value;
                return actual == escaped ? null : $"expected the text '{escaped}', got '{actual}'";
            default:
                var other = expected.ToJsonString();
                return actual == other ? null : $"expected {other}, got '{actual}'";
        }
    }

    /// <summary>ISO 8601 with a date, a time and an offset, as the contract writes times.</summary>
    public static bool IsTime(string value, out DateTimeOffset time)
    {
        time = default;
        return IsoTime().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex RawNumber();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoTime();
}
