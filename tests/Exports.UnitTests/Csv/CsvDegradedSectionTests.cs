using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

public sealed class CsvDegradedSectionTests
{
    [Fact]
    public void A_degraded_section_is_one_unavailable_row_and_none_of_its_values()
    {
        // As the gateway answers when the executions and billing services fail: their sections empty, their numbers null.
        var small = Dashboards.Small().Overview;
        var overview = small with
        {
            ExecutionMetrics = ExecutionMetrics.Empty,
            AgentMetrics = AgentMetrics.Empty,
            TopUsers = [],
            Trends = small.Trends with { Execution = [], Revenue = [], Errors = [] },
            BusinessMetrics = BusinessMetrics.Empty with { ActiveWorkspaces = 42 },
            MrrMovements = MrrMovements.Empty,
            Meta = Dashboards.Meta(
            [
                Sections.AgentMetrics, Sections.BusinessMetrics, Sections.ExecutionMetrics, Sections.MrrMovements,
                Sections.RevenueTrend, Sections.TopUsers, Sections.ExecutionTrend, Sections.ErrorsTrend,
            ]),
        };

        var rows = CsvFile.Rows(CsvFile.Write(Dashboards.Document(overview)));

        string[] unavailable =
        [
            "executionMetrics", "agentMetrics", "businessMetrics", "trends.execution", "trends.revenue", "trends.errors",
            "mrrMovements", "topAgents", "topUsers",
        ];
        Assert.Equal(unavailable, rows.Where(r => r.Metric == "unavailable").Select(r => r.Section));
        Assert.All(rows.Where(r => r.Metric == "unavailable"), r => Assert.Equal(new CsvRow(r.Section, "", "unavailable", "", "", ""), r));
        Assert.Equal(
            ["meta", "userMetrics", "businessMetrics", "trends.users", "activeAlerts"],
            rows.Where(r => r.Metric != "unavailable").Select(r => r.Section).Distinct());
        // Fed by the users service, which answered.
        Assert.Equal(["activeWorkspaces"], rows.Where(r => r.Section == "businessMetrics" && r.Metric != "unavailable").Select(r => r.Metric));
    }

    [Fact]
    public void Active_workspaces_alone_missing_is_its_own_unavailable_row_in_its_place()
    {
        var small = Dashboards.Small().Overview;
        var overview = small with
        {
            BusinessMetrics = small.BusinessMetrics with { ActiveWorkspaces = null },
            Meta = Dashboards.Meta([Sections.ActiveWorkspaces]),
        };

        var rows = CsvFile.Rows(CsvFile.Write(Dashboards.Document(overview)));

        Assert.Equal(
            ["businessMetrics/mrr", "businessMetrics/mrrChange", "businessMetrics/arr", "businessMetrics/ltv", "businessMetrics/cac",
             "businessMetrics/ltvCacRatio", "businessMetrics.activeWorkspaces/unavailable", "businessMetrics/paidWorkspaces",
             "businessMetrics/trialWorkspaces", "businessMetrics/churnRate"],
            rows.Where(r => r.Section.StartsWith("businessMetrics", StringComparison.Ordinal)).Select(r => $"{r.Section}/{r.Metric}"));
    }
}
