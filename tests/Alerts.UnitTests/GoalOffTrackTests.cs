using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Contracts.Dashboard;
using static ExecutiveDashboard.Alerts.UnitTests.Given;

namespace ExecutiveDashboard.Alerts.UnitTests;

/// <summary>The goal-off-track rule over the goals a round evaluated.</summary>
public sealed class GoalOffTrackTests
{
    private static Goal Goal(string metric, string? status, decimal target = 12_000, decimal? projected = 9_500) =>
        new("g1", "ws_1", metric, target, new DateOnly(2027, 3, 31), 8_000, 9_000, projected, 0.25, status, Now);

    private static Outcome Evaluate(IReadOnlyList<Goal>? goals) =>
        Given.Evaluate(new GoalOffTrack(), new ScopeSignals("ws_1", Now, null, null, goals));

    [Fact]
    public void Goals_not_read_leave_the_alert_as_it_is() => Assert.IsType<Outcome.Unknown>(Evaluate(null));

    [Fact]
    public void No_goal_off_track_clears_it()
    {
        Assert.IsType<Outcome.Clear>(Evaluate([]));
        Assert.IsType<Outcome.Clear>(Evaluate([Goal("mrr", "onTrack"), Goal("runs", "atRisk"), Goal("arr", "met"), Goal("paidWorkspaces", null)]));
    }

    [Fact]
    public void A_goal_off_track_raises_a_medium_alert_naming_each_one()
    {
        var firing = Assert.IsType<Outcome.Firing>(Evaluate([Goal("mrr", "offTrack"), Goal("runs", "onTrack"),
            Goal("successRate", "offTrack", target: 99.5m, projected: 97.25m)]));
        Assert.Equal(Severity.Medium, firing.Severity);
        Assert.Equal("MRR goal off track: projected $9,500.00 by 2027-03-31 against a target of $12,000.00. "
            // 97.25 shown to one decimal, rounded half away from zero as .NET formats: 97.3.
            + "Success rate goal off track: projected 97.3 % by 2027-03-31 against a target of 99.5 %.", firing.Message);
    }
}
