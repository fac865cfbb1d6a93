using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Gateway.Realtime;

namespace ExecutiveDashboard.Gateway.UnitTests;

public sealed class ActivityTextTests
{
    private static readonly DateTime At = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_successful_run_names_its_agent_user_runtime_and_credits()
    {
        var frame = ActivityText.Of(Run(succeeded: true, TimeSpan.FromSeconds(4.2), credits: 1.5m, agentName: "Invoice bot"));

        Assert.Equal(new ActivityFrame("evt_1", "ws_1", "run.succeeded", "Invoice bot finished a run for u_1 in 4.2 s (1.5 credits)", At), frame);
        Assert.EndsWith("(1 credit)", ActivityText.Of(Run(succeeded: true, TimeSpan.FromSeconds(1), credits: 1.00m, agentName: null)).Text);
        Assert.EndsWith("(0 credits)", ActivityText.Of(Run(succeeded: true, TimeSpan.FromSeconds(1), credits: 0m, agentName: null)).Text);
    }

    [Fact]
    public void A_failed_run_gives_its_error_code_and_falls_back_to_the_agent_id()
    {
        var frame = ActivityText.Of(Run(succeeded: false, TimeSpan.FromSeconds(125), credits: 0m, agentName: null, error: "TIMEOUT"));

        Assert.Equal("run.failed", frame.Kind);
        Assert.Equal("agent_1 failed for u_1 after 2 min 5 s: TIMEOUT", frame.Text);
        Assert.Equal("agent_1 failed for u_1 after 850 ms",
            ActivityText.Of(Run(succeeded: false, TimeSpan.FromMilliseconds(850), credits: 0m, agentName: null)).Text);
    }

    [Theory]
    [InlineData(0.4, "400 ms")]
    [InlineData(59.94, "59.9 s")]
    [InlineData(60, "1 min 0 s")]
    [InlineData(3725, "1 h 2 min")]
    public void Durations_read_like_a_person_would_say_them(double seconds, string expected) =>
        Assert.Equal(expected, ActivityText.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Signups_are_news_and_repeat_activity_is_not()
    {
        Assert.Equal("Ana Lima (u_7) signed up",
            ActivityText.Of(new UserActivityRecorded("e", "ws_1", "u_7", "user.signed_up", "Ana Lima", At))!.Text);
        Assert.Equal("u_7 signed up", ActivityText.Of(new UserActivityRecorded("e", "ws_1", "u_7", "user.signed_up", null, At))!.Text);
        Assert.Null(ActivityText.Of(new UserActivityRecorded("e", "ws_1", "u_7", "user.active", null, At)));
    }

    [Theory]
    [InlineData("subscription.started", "Pro", 1234.5, "ws_9 subscribed to Pro: MRR 1,234.50 USD")]
    [InlineData("subscription.changed", "Team", 99, "ws_9 changed plan to Team: MRR 99.00 USD")]
    [InlineData("subscription.canceled", "Pro", 0, "ws_9 canceled its subscription")]
    [InlineData("trial.started", "Pro", 0, "ws_9 started a trial of Pro")]
    [InlineData("trial.ended", null, 0, "ws_9's trial ended")]
    public void Billing_changes_say_what_happened_to_the_workspace(string type, string? plan, double mrr, string expected)
    {
        var frame = ActivityText.Of(new SubscriptionChanged("evt_b", "ws_9", type, plan, (decimal)mrr, At, "USD"));

        Assert.Equal(new ActivityFrame("evt_b", "ws_9", type, expected, At), frame);
    }

    [Fact]
    public void A_message_from_before_the_currency_field_still_reads()
    {
        var frame = ActivityText.Of(new SubscriptionChanged("evt_b", "ws_9", "subscription.started", "Pro", 49m, At));

        Assert.Equal("ws_9 subscribed to Pro: MRR 49.00", frame.Text);
    }

    [Fact]
    public void Alerts_give_severity_and_message_and_a_distinct_id_per_severity_and_resolution()
    {
        var now = At.AddMinutes(3);
        var triggered = ActivityText.Of(new AlertTriggered("a1", "all", "high-error-rate", "critical", "Error rate 31 % over the last hour", At), now);
        var resolved = ActivityText.Of(new AlertResolved("a1", "all", "high-error-rate", now));

        Assert.Equal(new ActivityFrame("a1:critical", "all", "alert.triggered", "Critical alert: Error rate 31 % over the last hour", now), triggered);
        Assert.Equal(new ActivityFrame("a1:resolved", "all", "alert.resolved", "Alert cleared: High error rate", now), resolved);
    }

    [Fact]
    public void An_acknowledgement_says_who_and_which_alert_under_an_id_of_its_own()
    {
        var frame = ActivityText.Of(new AlertAcknowledged("a1", "ws_9", "mrr-drop", "MRR fell 10 % in 24 h, from $1,000.00 to $900.00.", "Dana", At));

        Assert.Equal(new ActivityFrame("a1:acknowledged", "ws_9", "alert.acknowledged",
            "Dana acknowledged: MRR fell 10 % in 24 h, from $1,000.00 to $900.00.", At), frame);
    }

    [Theory]
    [InlineData("24h", "pdf", "Dana exported the 24-hour PDF")]
    [InlineData("7d", "csv", "Dana exported the 7-day CSV")]
    [InlineData("30d", "pdf", "Dana exported the 30-day PDF")]
    [InlineData("90d", "pdf", "Dana exported the 90-day PDF")]
    [InlineData("all", "csv", "Dana exported the all-time CSV")]
    public void Exports_say_who_took_which_period_in_which_format(string timeframe, string format, string expected)
    {
        var id = Guid.Parse("0193a0b0-0000-7000-8000-000000000001");
        var frame = ActivityText.Of(new ExportGenerated(id, "u_dana", "Dana", "ws_9", timeframe, At, format, 1234, "ab", At));

        Assert.Equal(new ActivityFrame($"export:{id}", "ws_9", "export.generated", expected, At), frame);
    }

    private static RunCompleted Run(bool succeeded, TimeSpan runtime, decimal credits, string? agentName, string? error = null) =>
        new("evt_1", "ws_1", "run_1", "agent_1", agentName, "u_1", succeeded, At - runtime, At, credits, error);
}
