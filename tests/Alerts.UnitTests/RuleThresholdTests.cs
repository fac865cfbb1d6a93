using ExecutiveDashboard.Alerts.Rules;
using static ExecutiveDashboard.Alerts.UnitTests.Given;

namespace ExecutiveDashboard.Alerts.UnitTests;

/// <summary>Each rule at its default threshold, just below it, and past its escalation; expectations worked out by hand.</summary>
public sealed class RuleThresholdTests
{
    [Theory]
    [InlineData(100, 10, null)]             // 10 % is not above 10 %
    [InlineData(100, 11, Severity.High)]    // 11 %
    [InlineData(20, 3, Severity.High)]      // 15 % with exactly the 20 runs needed
    [InlineData(19, 19, null)]              // 100 % but only 19 runs
    [InlineData(100, 25, Severity.High)]    // 25 % is not above 25 %
    [InlineData(100, 26, Severity.Critical)]
    [InlineData(0, 0, null)]
    public void High_error_rate(long runs, long failed, Severity? expected) =>
        Assert.Equal(expected, SeverityOf(Evaluate(new HighErrorRate(), Runs(runsLastHour: runs, failedLastHour: failed))));

    [Fact]
    public void High_error_rate_says_the_numbers()
    {
        var outcome = Assert.IsType<Outcome.Firing>(Evaluate(new HighErrorRate(), Runs(runsLastHour: 40, failedLastHour: 13)));
        Assert.Equal("32.5 % of runs failed in the last hour (13 of 40), above the 25 % threshold.", outcome.Message);
    }

    [Theory]
    [InlineData(100, 100, 100, 90, true)]   // 100 % → 90 %: exactly 10 points
    [InlineData(100, 100, 100, 91, false)]  // 9 points
    [InlineData(8, 6, 3, 2, false)]         // 75 % → 66.67 %: 8.33 points
    [InlineData(4, 4, 10, 8, true)]         // 100 % → 80 %: 20 points
    [InlineData(0, 0, 10, 0, false)]        // no previous day: nothing to drop from
    [InlineData(10, 10, 0, 0, false)]       // no runs today: no rate to compare
    public void Success_rate_drop(long runsBefore, long succeededBefore, long runs, long succeeded, bool fires)
    {
        var signals = Runs(runsLast24h: runs, succeededLast24h: succeeded, runsPrevious24h: runsBefore, succeededPrevious24h: succeededBefore);
        var severity = SeverityOf(Evaluate(new SuccessRateDrop(), signals));
        Assert.Equal(fires ? Severity.Medium : null, severity);
    }

    [Fact]
    public void Success_rate_drop_says_the_numbers()
    {
        var outcome = Assert.IsType<Outcome.Firing>(Evaluate(new SuccessRateDrop(),
            Runs(runsLast24h: 10, succeededLast24h: 7, runsPrevious24h: 20, succeededPrevious24h: 19)));
        Assert.Equal("Success rate fell 25 points in 24 h: 70 % in the last 24 h against 95 % the 24 h before.", outcome.Message);
    }

    [Theory]
    [InlineData(3.00, false)]   // a week of 168 credits is 1 an hour: 3 is not above 3 × 1
    [InlineData(3.01, true)]
    [InlineData(0, false)]
    public void Credit_spike_against_a_full_week(decimal lastHour, bool fires)
    {
        var signals = Runs(creditsLastHour: lastHour, creditsPreviousWeek: 168, earliest: Now.AddDays(-10));
        Assert.Equal(fires ? Severity.Medium : null, SeverityOf(Evaluate(new CreditSpike(), signals)));
    }

    /// <summary>24 h of history exactly: the baseline is the 23 h before the last hour, so 23 credits are 1 an hour.</summary>
    [Fact]
    public void Credit_spike_needs_a_day_of_history_and_averages_over_the_hours_that_existed()
    {
        var young = Runs(creditsLastHour: 1000, creditsPreviousWeek: 23, earliest: Now.AddHours(-24).AddSeconds(1));
        Assert.IsType<Outcome.Clear>(Evaluate(new CreditSpike(), young));

        var dayOld = Runs(creditsLastHour: 3.01m, creditsPreviousWeek: 23, earliest: Now.AddHours(-24));
        var fired = Assert.IsType<Outcome.Firing>(Evaluate(new CreditSpike(), dayOld));
        Assert.Equal("3.01 credits used in the last hour, 3.01× the hourly mean of 1 over the previous 7 days.", fired.Message);

        Assert.IsType<Outcome.Clear>(Evaluate(new CreditSpike(), Runs(creditsLastHour: 3, creditsPreviousWeek: 23, earliest: Now.AddHours(-24))));
    }

    [Fact]
    public void Credit_spike_without_a_baseline_or_history_stays_quiet()
    {
        Assert.IsType<Outcome.Clear>(Evaluate(new CreditSpike(), Runs(creditsLastHour: 50, creditsPreviousWeek: 0, earliest: Now.AddDays(-10))));
        var spike = Runs(creditsLastHour: 50, creditsPreviousWeek: 168);
        var noHistory = spike with { Executions = spike.Executions! with { EarliestEventAt = null } };
        Assert.IsType<Outcome.Clear>(Evaluate(new CreditSpike(), noHistory));
    }

    [Theory]
    [InlineData(1000, 950, true)]     // exactly 5 %
    [InlineData(1000, 950.01, false)] // 4.999 %
    [InlineData(1000, 0, true)]       // every customer left
    [InlineData(0, 0, false)]         // nothing a day ago: no drop
    [InlineData(1000, 1200, false)]
    public void Mrr_drop(decimal dayBefore, decimal now, bool fires) =>
        Assert.Equal(fires ? Severity.High : null, SeverityOf(Evaluate(new MrrDrop(), Mrr(now, dayBefore))));

    [Fact]
    public void Mrr_drop_says_the_numbers()
    {
        var outcome = Assert.IsType<Outcome.Firing>(Evaluate(new MrrDrop(), Mrr(1125, 1250)));
        Assert.Equal("MRR fell 10 % in 24 h, from $1,250.00 to $1,125.00.", outcome.Message);
    }

    [Theory]
    [InlineData(10.0, 15.0, true)]    // exactly 1.5 ×
    [InlineData(10.0, 14.999, false)]
    [InlineData(null, 100.0, false)]  // no runs the day before
    [InlineData(0.0, 100.0, false)]   // nothing to be a multiple of
    [InlineData(10.0, null, false)]   // no runs today
    public void Slow_runs(double? before, double? now, bool fires) =>
        Assert.Equal(fires ? Severity.Low : null, SeverityOf(Evaluate(new SlowRuns(), Runs(p95: now, p95Previous: before))));

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, Severity.High)]   // one event set aside is one event missing from the totals
    [InlineData(12_345, Severity.High)]
    public void Ingest_quarantine(long quarantined, Severity? expected) =>
        Assert.Equal(expected, SeverityOf(Evaluate(new IngestQuarantine(), Runs(quarantined: quarantined))));

    [Fact]
    public void Ingest_quarantine_says_the_numbers_and_minds_its_threshold()
    {
        var rule = new IngestQuarantine();
        var outcome = Assert.IsType<Outcome.Firing>(Evaluate(rule, Runs(quarantined: 1_500)));
        Assert.Equal("1,500 accepted events could not be added to the numbers in the last 24 hours and were quarantined; the totals miss them.",
            outcome.Message);
        var settings = new RuleSettings(new Dictionary<string, decimal> { ["minEvents"] = 3 });
        Assert.IsType<Outcome.Clear>(rule.Evaluate(Runs(quarantined: 2), settings));
        Assert.Equal(Severity.High, SeverityOf(rule.Evaluate(Runs(quarantined: 3), settings)));
    }

    [Fact]
    public void Rules_without_their_inputs_are_unknown_not_clear()
    {
        var noExecutions = Mrr(100, 100);
        var noBilling = Runs(runsLastHour: 50, failedLastHour: 50) with { Billing = null };
        Assert.All(new AlertRule[] { new HighErrorRate(), new SuccessRateDrop(), new CreditSpike(), new SlowRuns(), new IngestQuarantine() },
            rule => Assert.IsType<Outcome.Unknown>(Evaluate(rule, noExecutions)));
        Assert.IsType<Outcome.Unknown>(Evaluate(new MrrDrop(), noBilling));
    }

    [Fact]
    public void Edited_thresholds_move_the_line()
    {
        var rule = new HighErrorRate();
        var signals = Runs(runsLastHour: 10, failedLastHour: 2); // 20 %, but 10 runs
        Assert.IsType<Outcome.Clear>(rule.Evaluate(signals, rule.Defaults));
        var settings = new RuleSettings(new Dictionary<string, decimal> { ["minRuns"] = 10, ["errorRate"] = 10, ["criticalErrorRate"] = 19.99m });
        Assert.Equal(Severity.Critical, SeverityOf(rule.Evaluate(signals, settings)));
    }
}
