using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Csv;
using ExecutiveDashboard.Exports.Files;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

/// <summary>What a CSV file holds, rebuilt into the contract's records from its rows alone. The records are built by
/// reflection over their constructors, independently of the writer's field lists, so a field the writer forgot, wrote
/// under another name or wrote altered does not come back equal.</summary>
internal sealed record DashboardReadBack(
    IReadOnlyDictionary<string, string> Meta,
    UserMetrics UserMetrics,
    ExecutionMetrics ExecutionMetrics,
    AgentMetrics AgentMetrics,
    BusinessMetrics BusinessMetrics,
    IReadOnlyDictionary<string, IReadOnlyList<TimeSeriesPoint>> Trends,
    MrrMovements MrrMovements,
    IReadOnlyList<TopUser> TopUsers,
    IReadOnlyList<ActiveAlert> ActiveAlerts)
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static DashboardReadBack Of(IReadOnlyList<CsvRow> rows, DateTime asOf)
    {
        var expectedAsOf = Time(asOf);
        IReadOnlyDictionary<string, string> Section(string section) => rows.Where(r => r.Section == section).ToDictionary(
            r => r.Metric,
            r => r.Timestamp == expectedAsOf ? r.Value : throw new Xunit.Sdk.XunitException($"{section}.{r.Metric} is not at asOf: {r.Timestamp}"));

        var agents = Table<TopAgent>(rows, "topAgents", expectedAsOf);
        return new DashboardReadBack(
            rows.Where(r => r.Section == "meta").ToDictionary(r => r.Metric, r => CsvFile.Unescape(r.Value)),
            Record<UserMetrics>(Section("userMetrics")),
            Record<ExecutionMetrics>(Section("executionMetrics")),
            Record<AgentMetrics>(Section("agentMetrics"), new Dictionary<string, object?> { ["TopAgents"] = agents }),
            Record<BusinessMetrics>(Section("businessMetrics")),
            new[] { "trends.execution", "trends.users", "trends.revenue", "trends.errors" }.ToDictionary(s => s, s => Points(rows, s)),
            Record<MrrMovements>(Section("mrrMovements")),
            Table<TopUser>(rows, "topUsers", expectedAsOf),
            Table<ActiveAlert>(rows, "activeAlerts", expectedAsOf));
    }

    /// <summary>Every number, point and table row of the document's overview is in the file, equal.</summary>
    public void AssertHolds(ExportDocument document)
    {
        var overview = document.Overview;
        Assert.Equal(overview.UserMetrics, UserMetrics);
        Assert.Equal(overview.ExecutionMetrics, ExecutionMetrics);
        Assert.Equal((overview.AgentMetrics.TotalAgents, overview.AgentMetrics.ActiveAgents), (AgentMetrics.TotalAgents, AgentMetrics.ActiveAgents));
        Assert.Equal(overview.AgentMetrics.TopAgents, AgentMetrics.TopAgents);
        Assert.Equal(overview.BusinessMetrics, BusinessMetrics);
        Assert.Equal(overview.Trends.Execution, Trends["trends.execution"]);
        Assert.Equal(overview.Trends.Users, Trends["trends.users"]);
        Assert.Equal(overview.Trends.Revenue, Trends["trends.revenue"]);
        Assert.Equal(overview.Trends.Errors, Trends["trends.errors"]);
        Assert.Equal(overview.MrrMovements, MrrMovements);
        Assert.Equal(overview.TopUsers, TopUsers);
        Assert.Equal(overview.ActiveAlerts, ActiveAlerts);
    }

    public static string Time(DateTime time) => time.ToString(CsvTimestamp.Format, CultureInfo.InvariantCulture);

    /// <summary>A point starts at its <c>value</c> row; its label is a caption, not in the file.</summary>
    private static IReadOnlyList<TimeSeriesPoint> Points(IReadOnlyList<CsvRow> rows, string section)
    {
        var points = new List<Dictionary<string, string>>();
        foreach (var row in rows.Where(r => r.Section == section))
        {
            if (row.Metric == "value")
            {
                points.Add(new() { ["timestamp"] = row.Timestamp });
            }
            Assert.Equal(points[^1]["timestamp"], row.Timestamp);
            points[^1].Add(row.Metric, row.Value);
        }
        return points.Select(p => Record<TimeSeriesPoint>(p)).ToList();
    }

    /// <summary>A table row starts at its <c>position</c> row (1, 2, …); its <c>item</c> is its id.</summary>
    private static IReadOnlyList<T> Table<T>(IReadOnlyList<CsvRow> rows, string section, string asOf)
    {
        var table = new List<Dictionary<string, string>>();
        foreach (var row in rows.Where(r => r.Section == section))
        {
            Assert.Equal(asOf, row.Timestamp);
            if (row.Metric == "position")
            {
                Assert.Equal((table.Count + 1).ToString(CultureInfo.InvariantCulture), row.Value);
                table.Add(new() { ["id"] = row.Item });
            }
            else
            {
                Assert.Equal(table[^1]["id"], row.Item);
                table[^1].Add(row.Metric, row.Value);
            }
        }
        return table.Select(r => Record<T>(r)).ToList();
    }

    private static T Record<T>(IReadOnlyDictionary<string, string> cells, IReadOnlyDictionary<string, object?>? given = null)
    {
        var constructor = typeof(T).GetConstructors().Single(c => c.GetParameters().Length > 0);
        var arguments = constructor.GetParameters().Select(p => given?.TryGetValue(p.Name!, out var value) == true
            ? value
            : Parse(p, cells.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(p.Name!), out var cell) ? cell : null)).ToArray();
        return (T)constructor.Invoke(arguments);
    }

    /// <summary>An absent row reads as an absent field (null); an empty cell as null; numbers must parse exactly, so a
    /// number that was escaped like text fails here.</summary>
    private static object? Parse(ParameterInfo parameter, string? cell)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var nullable = type != parameter.ParameterType || Nullability.Create(parameter).WriteState == NullabilityState.Nullable;
        if (string.IsNullOrEmpty(cell))
        {
            return nullable ? null
                : type == typeof(string) ? ""
                : throw new Xunit.Sdk.XunitException($"{parameter.Member.DeclaringType!.Name}.{parameter.Name} has no value");
        }
        var invariant = CultureInfo.InvariantCulture;
        return type == typeof(string) ? CsvFile.Unescape(cell)
            : type == typeof(long) ? long.Parse(cell, NumberStyles.AllowLeadingSign, invariant)
            : type == typeof(double) ? double.Parse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, invariant)
            : type == typeof(decimal) ? decimal.Parse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant)
            : type == typeof(DateTime) ? DateTime.ParseExact(cell, CsvTimestamp.Format, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : throw new NotSupportedException(type.Name);
    }
}
