using ExecutiveDashboard.Exports.Csv;
using ExecutiveDashboard.Exports.Files;

namespace ExecutiveDashboard.Exports.UnitTests.Csv;

public sealed class CsvDashboardLayoutTests
{
    private const string A = "2026-12-06T08:00:00.25Z"; // asOf
    private const string P = "2026-11-06T08:00:00.25Z"; // the period's start, the one bucket's start

    [Fact]
    public void The_whole_file_is_the_spec_s_tidy_table_in_utf8_with_a_byte_order_mark_and_crlf()
    {
        string[] records =
        [
            "section,item,metric,timestamp,value,unit",
            "meta,,scope,,ws_1,",
            "meta,,timeframe,,30d,",
            $"meta,,periodStart,,{P},",
            $"meta,,asOf,,{A},",
            "meta,,generatedAt,,2026-12-06T08:00:01.5Z,",
            "meta,,generatedBy,,Alice Martin,",
            $"userMetrics,,dau,{A},120,count",
            $"userMetrics,,dauChange,{A},-12.5,percent",
            $"userMetrics,,wau,{A},400,count",
            $"userMetrics,,wauChange,{A},,percent",
            $"userMetrics,,mau,{A},900,count",
            $"userMetrics,,mauChange,{A},3.25,percent",
            $"userMetrics,,newUsers,{A},15,count",
            $"userMetrics,,churnedUsers,{A},4,count",
            $"userMetrics,,activeRate,{A},62.5,percent",
            $"executionMetrics,,totalRuns,{A},12345,count",
            $"executionMetrics,,totalRunsChange,{A},8.1,percent",
            $"executionMetrics,,successfulRuns,{A},12000,count",
            $"executionMetrics,,failedRuns,{A},345,count",
            $"executionMetrics,,successRate,{A},97.21,percent",
            $"executionMetrics,,successRateChange,{A},-0.4,pp",
            $"executionMetrics,,avgRuntime,{A},42.125,seconds",
            $"executionMetrics,,p95Runtime,{A},180.5,seconds",
            $"executionMetrics,,totalCreditsUsed,{A},1234.50,count",
            $"executionMetrics,,creditsChange,{A},,percent",
            $"agentMetrics,,totalAgents,{A},7,count",
            $"agentMetrics,,activeAgents,{A},5,",
            $"businessMetrics,,mrr,{A},45000.00,currency",
            $"businessMetrics,,mrrChange,{A},2.5,percent",
            $"businessMetrics,,arr,{A},540000.00,currency",
            $"businessMetrics,,ltv,{A},12500.5,currency",
            $"businessMetrics,,cac,{A},,currency",
            $"businessMetrics,,ltvCacRatio,{A},,ratio",
            $"businessMetrics,,activeWorkspaces,{A},42,count",
            $"businessMetrics,,paidWorkspaces,{A},30,count",
            $"businessMetrics,,trialWorkspaces,{A},8,count",
            $"businessMetrics,,churnRate,{A},1.75,percent",
            $"trends.execution,,value,{P},410,count",
            $"trends.execution,,successful,{P},400,count",
            $"trends.execution,,failed,{P},10,count",
            $"trends.users,,value,{P},75,",
            $"trends.revenue,,value,{P},44000.5,currency",
            $"trends.errors,,value,{P},2.44,percent",
            $"mrrMovements,,new,{A},1500.00,currency",
            $"mrrMovements,,expansion,{A},300,currency",
            $"mrrMovements,,contraction,{A},120.5,currency",
            $"mrrMovements,,churned,{A},0,currency",
            $"mrrMovements,,reactivation,{A},,currency",
            $"topAgents,ag_1,position,{A},1,",
            $"topAgents,ag_1,workspaceId,{A},ws_1,",
            $"topAgents,ag_1,name,{A},\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",",
            $"topAgents,ag_1,runs,{A},900,count",
            $"topAgents,ag_1,successRate,{A},98.5,percent",
            $"topAgents,ag_1,avgRuntime,{A},12.25,seconds",
            $"topUsers,u_1,position,{A},1,",
            $"topUsers,u_1,workspaceId,{A},ws_1,",
            $"topUsers,u_1,name,{A},\"'+SUM(A1)\",",
            $"topUsers,u_1,runs,{A},321,count",
            $"topUsers,u_1,creditsUsed,{A},87.25,count",
            $"topUsers,u_1,lastActiveAt,{A},2026-12-05T23:59:59Z,",
            $"activeAlerts,al_1,position,{A},1,",
            $"activeAlerts,al_1,type,{A},error_rate,",
            $"activeAlerts,al_1,message,{A},\"Error rate 12% > 10%, \"\"Invoice Bot\"\"\nsecond line\",",
            $"activeAlerts,al_1,severity,{A},critical,",
            $"activeAlerts,al_1,triggeredAt,{A},2026-12-06T07:30:00Z,",
        ];

        var file = CsvFile.Write(Dashboards.Small());

        Assert.Equal([0xEF, 0xBB, 0xBF], file[..3]);
        Assert.Equal(string.Concat(records.Select(r => r + "\r\n")), CsvFile.Text(file[3..]));
    }

    [Fact]
    public void Every_record_ends_with_crlf_and_only_a_quoted_value_holds_a_bare_line_break()
    {
        var text = CsvFile.Text(CsvFile.Write(Dashboards.Rich()));

        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] == '\r')
            {
                Assert.Equal('\n', text[i + 1]);
            }
            else if (!quoted && text[i] == '\n')
            {
                Assert.Equal('\r', text[i - 1]);
            }
        }
        Assert.False(quoted);
        Assert.EndsWith("\r\n", text);
    }

    [Fact]
    public void Its_format_is_csv()
    {
        Assert.Same(ExportFormat.Csv, new CsvDashboard().Format);
    }
}
