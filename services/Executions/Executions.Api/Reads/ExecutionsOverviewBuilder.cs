using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Model;

namespace ExecutiveDashboard.Executions.Reads;

/// <summary>Turns rollup totals into the executions part of the dashboard contract, every field as
/// docs/metrics.md defines it.</summary>
public static class ExecutionsOverviewBuilder
{
    public static ExecutionsOverview Build(
        ReportingPeriod period,
        RunTotals current,
        RunTotals? previous,
        double? p95Runtime,
        long totalAgents,
        long activeAgents,
        IReadOnlyList<AgentRow> topAgents,
        IReadOnlyList<UserRow> topUsers,
        IReadOnlyList<(Period Bucket, RunTotals Totals)> buckets)
    {
        var metrics = new ExecutionMetrics(
            TotalRuns: current.Runs,
            TotalRunsChange: Change.Relative(current.Runs, previous?.Runs),
            SuccessfulRuns: current.Succeeded,
            FailedRuns: current.Failed,
            SuccessRate: current.SuccessRate,
            SuccessRateChange: Change.Points(current.SuccessRate, previous?.SuccessRate),
            AvgRuntime: current.AvgRuntime,
            P95Runtime: current.Runs == 0 ? null : p95Runtime,
            TotalCreditsUsed: Round.Amount(current.Credits),
            CreditsChange: Change.Relative((double)current.Credits, (double?)previous?.Credits));

        var agents = new AgentMetrics(
            totalAgents,
            activeAgents,
            topAgents.Select(a => new TopAgent(a.Id, a.WorkspaceId, a.Name, a.Totals.Runs, a.Totals.SuccessRate, a.Totals.AvgRuntime)).ToList());

        var users = topUsers.Select(u => new TopUser(u.Id, u.WorkspaceId, Name: null, u.Runs, Round.Amount(u.Credits), u.LastCompletedAt)).ToList();

        return new ExecutionsOverview(
            new PeriodRange(period.Current.Start, period.Current.End),
            metrics,
            agents,
            users,
            ExecutionTrend: buckets.Select(b => new TimeSeriesPoint(b.Bucket.Start, b.Totals.Runs,
                Successful: b.Totals.Succeeded, Failed: b.Totals.Failed)).ToList(),
            ErrorTrend: buckets.Select(b => new TimeSeriesPoint(b.Bucket.Start, b.Totals.ErrorRate)).ToList());
    }
}
