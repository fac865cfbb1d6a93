using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Csv;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

/// <summary>Every property of the contract's records is written, under its JSON name, or is accounted for here.</summary>
public sealed class DashboardFieldsTests
{
    [Fact]
    public void Every_kpi_of_the_contract_is_a_row()
    {
        AssertCovers<UserMetrics>(DashboardFields.UserMetrics);
        AssertCovers<ExecutionMetrics>(DashboardFields.ExecutionMetrics);
        AssertCovers<AgentMetrics>(DashboardFields.AgentMetrics, "topAgents");
        AssertCovers<BusinessMetrics>(DashboardFields.BusinessMetrics);
        AssertCovers<MrrMovements>(DashboardFields.MrrMovements);
    }

    [Fact]
    public void Every_numeric_field_of_a_trend_point_is_a_row_and_every_trend_a_section()
    {
        Assert.All(DashboardFields.Trends, t => AssertCovers<TimeSeriesPoint>(t.Fields, "timestamp", "label"));
        Assert.Equal(JsonNames<Trends>().Select(n => "trends." + n), DashboardFields.Trends.Select(t => t.Section));
    }

    [Fact]
    public void Every_field_of_a_table_row_is_a_row()
    {
        AssertCovers<TopAgent>(DashboardFields.TopAgent, "id");
        AssertCovers<TopUser>(DashboardFields.TopUser, "id");
        AssertCovers<ActiveAlert>(DashboardFields.ActiveAlert, "id");
    }

    [Fact]
    public void Every_change_takes_the_change_unit_of_a_metric_the_catalog_knows()
    {
        var changes = DashboardFields.UserMetrics.Select(f => (f.Name, f.UnitOf, f.IsChange))
            .Concat(DashboardFields.ExecutionMetrics.Select(f => (f.Name, f.UnitOf, f.IsChange)))
            .Concat(DashboardFields.BusinessMetrics.Select(f => (f.Name, f.UnitOf, f.IsChange)))
            .Where(f => f.Name.EndsWith("Change", StringComparison.Ordinal));

        Assert.All(changes, c => Assert.True(c.IsChange && Dashboards.MetricInfo[c.UnitOf!].ChangeUnit is not null, c.Name));
    }

    /// <param name="notRows">Properties written elsewhere: the row's <c>item</c> or <c>timestamp</c>, a table of its own, a caption.</param>
    private static void AssertCovers<T>(IEnumerable<CsvField<T>> fields, params string[] notRows) =>
        Assert.Equal(JsonNames<T>().Except(notRows), fields.Select(f => f.Name));

    /// <summary>The record's properties as the JSON names them, in the constructor's order.</summary>
    private static IEnumerable<string> JsonNames<T>() =>
        typeof(T).GetConstructors().Single(c => c.GetParameters().Length > 0).GetParameters()
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!));
}
