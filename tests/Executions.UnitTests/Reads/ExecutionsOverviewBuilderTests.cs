using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Executions.Reads;
using static ExecutiveDashboard.Executions.UnitTests.Utc;

namespace ExecutiveDashboard.Executions.UnitTests.Reads;

public class ExecutionsOverviewBuilderTests
{
    private static readonly DateTime AsOf = At("2026-11-02T10:00:00");
    private static readonly ReportingPeriod Day = ReportingPeriod.For(Timeframe.Day, AsOf);

    private static ExecutionsOverview Build(
        RunTotals current, RunTotals? previous, double? p95 = null, ReportingPeriod? period = null,
        IReadOnlyList<(Period, RunTotals)>? buckets = null)
    {
        period ??= Day;
        buckets ??= period.TrendBuckets().Select(b => (b, default(RunTotals))).ToList();
        return ExecutionsOverviewBuilder.Build(period, current, previous, p95, totalAgents: 0, activeAgents: 0,
            topAgents: [], topUsers: [], buckets);
    }

    [Fact]
    public void No_runs_give_zero_counts_and_null_rates_averages_and_changes()
    {
        var overview = Build(current: default, previous: default);

        var m = overview.ExecutionMetrics;
        Assert.Equal(0, m.TotalRuns);
        Assert.Equal(0, m.SuccessfulRuns);
        Assert.Equal(0, m.FailedRuns);
        Assert.Equal(0m, m.TotalCreditsUsed);
        Assert.Null(m.SuccessRate);
        Assert.Null(m.AvgRuntime);
        Assert.Null(m.P95Runtime);
        Assert.Null(m.TotalRunsChange);     // previous 0
        Assert.Null(m.SuccessRateChange);   // both undefined
        Assert.Null(m.CreditsChange);       // previous 0
        Assert.Equal(24, overview.ExecutionTrend.Count);
        Assert.All(overview.ErrorTrend, p => Assert.Equal(0.0, p.Value));
        Assert.Equal(new PeriodRange(At("2026-11-01T10:00:00"), AsOf), overview.Period);
    }

    [Fact]
    public void One_run()
    {
        var overview = Build(current: new RunTotals(1, 1, 12.5, 3.25m), previous: default, p95: 12.5);

        Assert.Equal(
            new ExecutionMetrics(
                TotalRuns: 1, TotalRunsChange: null,        // previous period had 0 runs
                SuccessfulRuns: 1, FailedRuns: 0,
                SuccessRate: 100, SuccessRateChange: null,  // previous success rate undefined
                AvgRuntime: 12.5, P95Runtime: 12.5,
                TotalCreditsUsed: 3.25m, CreditsChange: null),
            overview.ExecutionMetrics);
    }

    [Fact]
    public void Changes_compare_with_the_previous_period()
    {
        var current = new RunTotals(Runs: 30, Succeeded: 27, RuntimeSum: 90, Credits: 150m);
        var previous = new RunTotals(Runs: 20, Succeeded: 16, RuntimeSum: 40, Credits: 200m);

        var m = Build(current, previous).ExecutionMetrics;

        Assert.Equal(50.0, m.TotalRunsChange);      // (30 − 20) / 20 × 100
        Assert.Equal(90.0, m.SuccessRate);          // 27 / 30 × 100
        Assert.Equal(10.0, m.SuccessRateChange);    // 90 % − 80 % (16 / 20) = 10 pp
        Assert.Equal(-25.0, m.CreditsChange);       // (150 − 200) / 200 × 100
        Assert.Equal(3.0, m.AvgRuntime);            // 90 s / 30
        Assert.Equal(3, m.FailedRuns);              // 30 − 27
    }

    [Fact]
    public void Changes_are_rounded_to_two_decimals()
    {
        var current = new RunTotals(Runs: 4, Succeeded: 1, RuntimeSum: 4, Credits: 10m);
        var previous = new RunTotals(Runs: 3, Succeeded: 2, RuntimeSum: 3, Credits: 30m);

        var m = Build(current, previous).ExecutionMetrics;

        Assert.Equal(33.33, m.TotalRunsChange);     // (4 − 3) / 3 × 100 = 33.333…
        Assert.Equal(-41.67, m.SuccessRateChange);  // 25 % (1 / 4) − 66.67 % (2 / 3) = −41.666… pp
        Assert.Equal(-66.67, m.CreditsChange);      // (10 − 30) / 30 × 100 = −66.666…
    }

    [Fact]
    public void A_current_period_without_runs_after_a_busy_one()
    {
        var m = Build(current: default, previous: new RunTotals(10, 9, 50, 40m)).ExecutionMetrics;

        Assert.Equal(-100.0, m.TotalRunsChange);    // (0 − 10) / 10 × 100
        Assert.Null(m.SuccessRateChange);           // current success rate undefined
        Assert.Equal(-100.0, m.CreditsChange);      // (0 − 40) / 40 × 100
    }

    [Fact]
    public void Without_a_previous_period_every_change_is_null()
    {
        var all = ReportingPeriod.For(Timeframe.All, AsOf, earliestEvent: At("2026-10-14T15:30:00"));

        var m = Build(new RunTotals(30, 27, 90, 150m), previous: null, period: all).ExecutionMetrics;

        Assert.Equal(30, m.TotalRuns);
        Assert.Null(m.TotalRunsChange);
        Assert.Null(m.SuccessRateChange);
        Assert.Null(m.CreditsChange);
    }

    [Fact]
    public void Trend_points_carry_successful_and_failed_and_the_error_rate_per_bucket()
    {
        var buckets = Day.TrendBuckets();
        var totals = new RunTotals[24];
        totals[0] = new RunTotals(Runs: 4, Succeeded: 3, RuntimeSum: 8, Credits: 1m);
        totals[2] = new RunTotals(Runs: 2, Succeeded: 0, RuntimeSum: 2, Credits: 1m);
        totals[23] = new RunTotals(Runs: 3, Succeeded: 2, RuntimeSum: 3, Credits: 1m);

        var overview = Build(new RunTotals(9, 5, 13, 3m), previous: default,
            buckets: buckets.Select((b, i) => (b, totals[i])).ToList());

        Assert.Equal(new TimeSeriesPoint(At("2026-11-01T10:00:00"), 4, Successful: 3, Failed: 1), overview.ExecutionTrend[0]);
        Assert.Equal(new TimeSeriesPoint(At("2026-11-01T11:00:00"), 0, Successful: 0, Failed: 0), overview.ExecutionTrend[1]);
        Assert.Equal(new TimeSeriesPoint(At("2026-11-01T12:00:00"), 2, Successful: 0, Failed: 2), overview.ExecutionTrend[2]);
        Assert.Equal(new TimeSeriesPoint(At("2026-11-02T09:00:00"), 3, Successful: 2, Failed: 1), overview.ExecutionTrend[23]);

        Assert.Equal(25.0, overview.ErrorTrend[0].Value);     // 1 / 4 × 100
        Assert.Equal(0.0, overview.ErrorTrend[1].Value);      // no runs → 0
        Assert.Equal(100.0, overview.ErrorTrend[2].Value);    // 2 / 2 × 100
        Assert.Equal(33.33, overview.ErrorTrend[23].Value);   // 1 / 3 × 100 = 33.333…
        Assert.Equal(At("2026-11-02T09:00:00"), overview.ErrorTrend[23].Timestamp);
    }
}
