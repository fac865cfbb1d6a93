using CsvHelper;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Exports.Files;

namespace ExecutiveDashboard.Exports.Csv;

/// <summary>
/// The dashboard as one tidy table (docs/exports.md, "CSV"): RFC 4180, UTF-8 with a byte-order mark so that
/// spreadsheets read it as UTF-8, CRLF. Rows, in this order: <c>meta</c>; the KPIs and changes of <c>userMetrics</c>,
/// <c>executionMetrics</c>, <c>agentMetrics</c> and <c>businessMetrics</c> at <c>asOf</c>; every point of the four
/// trends at its bucket's start; <c>mrrMovements</c>; the rows of <c>topAgents</c>, <c>topUsers</c> and
/// <c>activeAlerts</c>, one row per field, <c>item</c> being the row's id. A section in <c>meta.degraded</c> is one
/// <c>unavailable</c> row.
/// </summary>
public sealed class CsvDashboard : IDashboardFile
{
    /// <summary>Escapes text that starts like a formula (OWASP); numbers and times are written typed, which CsvHelper
    /// never escapes, so <c>-12.5</c> stays a number.</summary>
    internal static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        Injection = CsvInjection.Escape,
    };

    public ExportFormat Format => ExportFormat.Csv;

    public void Write(ExportDocument document, Stream output)
    {
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        var overview = document.Overview;
        var rows = new TidyRows(csv, overview.Meta, document.Reader?.Zone);
        var asOf = overview.Meta.AsOf;

        rows.Header();
        WriteMeta(rows, document);
        WriteKpis(rows, Sections.UserMetrics, overview.UserMetrics, DashboardFields.UserMetrics, asOf);
        WriteKpis(rows, Sections.ExecutionMetrics, overview.ExecutionMetrics, DashboardFields.ExecutionMetrics, asOf);
        WriteKpis(rows, Sections.AgentMetrics, overview.AgentMetrics, DashboardFields.AgentMetrics, asOf);
        WriteKpis(rows, Sections.BusinessMetrics, overview.BusinessMetrics, DashboardFields.BusinessMetrics, asOf);
        foreach (var trend in DashboardFields.Trends)
        {
            WriteTrend(rows, trend, trend.Points(overview.Trends));
        }
        WriteKpis(rows, Sections.MrrMovements, overview.MrrMovements, DashboardFields.MrrMovements, asOf);
        WriteTable(rows, DashboardFields.TopAgents, Sections.AgentMetrics, overview.AgentMetrics.TopAgents, a => a.Id, DashboardFields.TopAgent, asOf);
        WriteTable(rows, Sections.TopUsers, Sections.TopUsers, overview.TopUsers, u => u.Id, DashboardFields.TopUser, asOf);
        WriteTable(rows, Sections.ActiveAlerts, Sections.ActiveAlerts, overview.ActiveAlerts, a => a.Id, DashboardFields.ActiveAlert, asOf);
    }

    private static void WriteMeta(TidyRows rows, ExportDocument document)
    {
        const string Meta = "meta";
        rows.Row(Meta, null, "scope", null, document.Scope, null);
        rows.Row(Meta, null, "timeframe", null, document.Overview.Timeframe, null);
        rows.Row(Meta, null, "periodStart", null, document.Overview.Period.Start, null);
        rows.Row(Meta, null, "asOf", null, document.Overview.Meta.AsOf, null);
        rows.Row(Meta, null, "generatedAt", null, document.GeneratedAt, null);
        rows.Row(Meta, null, "generatedBy", null, document.GeneratedBy, null);
        // Only for a reader who named them: a file without them reads as it always did (UTC, weeks from Monday).
        if (document.Reader is { IsDefault: false } reader)
        {
            rows.Row(Meta, null, "timeZone", null, reader.Zone?.Id ?? "UTC", null);
            rows.Row(Meta, null, "weekStart", null, reader.WeekStart.ToWire(), null);
        }
    }

    /// <summary>A field fed from elsewhere (activeWorkspaces) is written even when its section is missing, and stands
    /// for itself when only it is.</summary>
    private static void WriteKpis<T>(TidyRows rows, string section, T values, IReadOnlyList<CsvField<T>> fields, DateTime asOf)
    {
        if (rows.IsDegraded(section))
        {
            rows.Missing(section);
        }
        foreach (var field in fields)
        {
            var fedBy = field.FedBy ?? section;
            if (!rows.IsDegraded(fedBy))
            {
                rows.Row(section, null, field, asOf, values);
            }
            else if (fedBy != section)
            {
                rows.Missing(fedBy);
            }
        }
    }

    /// <summary>A point's absent fields (<c>successful</c> and <c>failed</c> outside the execution trend) have no row,
    /// as the JSON has no field for them.</summary>
    private static void WriteTrend(TidyRows rows, CsvTrend trend, IReadOnlyList<TimeSeriesPoint> points)
    {
        if (rows.IsDegraded(trend.Section))
        {
            rows.Missing(trend.Section);
            return;
        }
        foreach (var point in points)
        {
            foreach (var field in trend.Fields)
            {
                var value = field.Value(point);
                if (!value.IsNull)
                {
                    rows.Row(trend.Section, null, field.Name, point.Timestamp, value, rows.UnitOf(field));
                }
            }
        }
    }

    private static void WriteTable<T>(TidyRows rows, string section, string fedBy, IReadOnlyList<T> table, Func<T, string> id,
        IReadOnlyList<CsvField<T>> fields, DateTime asOf)
    {
        if (rows.IsDegraded(fedBy))
        {
            rows.Missing(section);
            return;
        }
        for (var i = 0; i < table.Count; i++)
        {
            var item = id(table[i]);
            rows.Row(section, item, DashboardFields.Position, asOf, (long?)(i + 1), null);
            foreach (var field in fields)
            {
                rows.Row(section, item, field, asOf, table[i]);
            }
        }
    }
}
