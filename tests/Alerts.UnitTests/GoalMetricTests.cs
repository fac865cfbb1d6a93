using ExecutiveDashboard.Alerts.Goals;
using ExecutiveDashboard.Contracts.Signals;
using static ExecutiveDashboard.Alerts.UnitTests.Given;

namespace ExecutiveDashboard.Alerts.UnitTests;

/// <summary>Each goal metric's daily values from the signals' history, as the dashboard defines the metric.</summary>
public sealed class GoalMetricTests
{
    private static readonly GoalHistory History = new(
        [new BillingDay(Now.AddDays(-1), 1_000m, 4), new BillingDay(Now, 1_250.50m, 5)],
        [new RunWindow(Now.AddDays(-2), 0, 0), new RunWindow(Now.AddDays(-1), 40, 30), new RunWindow(Now, 50, 49)],
        [new ActiveUsersDay(Now.AddDays(-2), 7), new ActiveUsersDay(Now.AddDays(-1), 0), new ActiveUsersDay(Now, 12)]);

    private static decimal[] Values(string metric) => [.. GoalMetric.Find(metric)!.Daily(History)!.Select(d => d.Value)];

    [Fact]
    public void Money_and_paid_workspaces_are_the_state_at_each_instant_and_arr_twelve_times_mrr()
    {
        Assert.Equal([1_000m, 1_250.50m], Values(GoalMetric.Mrr));
        Assert.Equal([12_000m, 15_006m], Values(GoalMetric.Arr));
        Assert.Equal([4m, 5m], Values(GoalMetric.PaidWorkspaces));
    }

    [Fact]
    public void Runs_are_the_30_day_volume_and_the_success_rate_skips_windows_without_runs()
    {
        Assert.Equal([0m, 40m, 50m], Values(GoalMetric.Runs));
        // 30 / 40 = 75 %, 49 / 50 = 98 %; the window of 0 runs has no rate.
        Assert.Equal([75m, 98m], Values(GoalMetric.SuccessRate));
    }

    [Fact]
    public void Dau_is_the_daily_active_users_at_each_instant_a_day_without_any_included_and_takes_whole_targets()
    {
        Assert.Equal([7m, 0m, 12m], Values(GoalMetric.Dau));
        Assert.Equal([Now.AddDays(-2), Now.AddDays(-1), Now], GoalMetric.Find(GoalMetric.Dau)!.Daily(History)!.Select(d => d.At));
        Assert.True(GoalMetric.Find("dau")!.Whole);
    }

    [Fact]
    public void A_service_that_did_not_answer_gives_no_values()
    {
        Assert.Null(GoalMetric.Find(GoalMetric.Mrr)!.Daily(new GoalHistory(null, [], [])));
        Assert.Null(GoalMetric.Find(GoalMetric.Runs)!.Daily(new GoalHistory([], null, [])));
        Assert.Null(GoalMetric.Find(GoalMetric.Dau)!.Daily(new GoalHistory([], [], null)));
        Assert.Null(GoalMetric.Find("wau"));
    }
}
