using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Contracts.Signals;
using Microsoft.Extensions.Time.Testing;

namespace ExecutiveDashboard.Alerts.UnitTests;

/// <summary>
/// Alerts over time with a <see cref="FakeTimeProvider"/>: a scope's runs are fixed, the clock moves, and the windows
/// slide over them the way the executions service cuts them (last hour <c>[now-1h, now)</c>). Each evaluation reads
/// the clock, plans the transitions and applies them to an in-memory board, as the alert store does in PostgreSQL.
/// </summary>
public sealed class AlertLifecycleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly List<(DateTime CompletedAt, bool Succeeded)> _runs = [];
    private readonly List<Alert> _board = [];

    private sealed record Alert(Guid Id, string Rule, Severity Severity, string Message, DateTime TriggeredAt, DateTime? ResolvedAt);

    /// <summary>n runs, f of them failed, completed evenly over the <paramref name="minutes"/> before now.</summary>
    private void RunsBeforeNow(int n, int failed, int minutes)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < n; i++)
        {
            _runs.Add((now.AddSeconds(-(i + 1) * minutes * 60.0 / n), i >= failed));
        }
    }

    private IReadOnlyList<Transition> Evaluate(bool executionsAnswer = true)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var lastHour = _runs.Where(r => r.CompletedAt >= now.AddHours(-1) && r.CompletedAt < now).ToList();
        var signals = new ScopeSignals("ws_1", now,
            executionsAnswer
                ? new ExecutionSignals(now, now.AddDays(-30), lastHour.Count, lastHour.Count(r => !r.Succeeded), 0, 0, 0, 0, 0, 0, null, null)
                : null,
            new BillingSignals(now, 0, 0));

        var open = _board.Where(a => a.ResolvedAt is null).Select(a => new OpenAlert(a.Id, a.Rule, a.Severity, a.TriggeredAt)).ToList();
        var transitions = AlertTransitions.Plan(open, RuleBook.Evaluate(signals, RuleBook.Defaults()));
        foreach (var transition in transitions)
        {
            switch (transition)
            {
                case Transition.Trigger t:
                    _board.Add(new Alert(Guid.NewGuid(), t.Rule, t.Severity, t.Message, now, null));
                    break;
                case Transition.Rerate r:
                    _board[_board.FindIndex(a => a.Id == r.Alert.Id)] = _board.Single(a => a.Id == r.Alert.Id) with { Severity = r.Severity, Message = r.Message };
                    break;
                case Transition.Resolve s:
                    _board[_board.FindIndex(a => a.Id == s.Alert.Id)] = _board.Single(a => a.Id == s.Alert.Id) with { ResolvedAt = now };
                    break;
            }
        }
        return transitions;
    }

    private List<Alert> Active => _board.Where(a => a.ResolvedAt is null).ToList();

    [Fact]
    public void An_error_burst_raises_an_alert_that_resolves_itself_once_it_leaves_the_last_hour()
    {
        RunsBeforeNow(20, failed: 6, minutes: 30); // 30 % of 20 runs, all in [11:30, 12:00)
        Evaluate();
        var alert = Assert.Single(Active);
        Assert.Equal((HighErrorRate.RuleName, Severity.Critical, _clock.GetUtcNow().UtcDateTime), (alert.Rule, alert.Severity, alert.TriggeredAt));

        // 12:59: the window [11:59, 12:59) holds none of the runs (the last completed at 11:58:30): the burst is over.
        _clock.Advance(TimeSpan.FromMinutes(59));
        Evaluate();
        Assert.Empty(Active);
        var resolved = Assert.Single(_board);
        Assert.Equal(new DateTime(2026, 11, 30, 12, 59, 0, DateTimeKind.Utc), resolved.ResolvedAt);
    }

    [Fact]
    public void The_alert_stays_while_the_runs_are_inside_the_window()
    {
        RunsBeforeNow(20, failed: 6, minutes: 30);
        Evaluate();
        // 12:29: [11:29, 12:29) still holds every run of [11:30, 12:00).
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(Evaluate());
        Assert.Single(Active);
    }

    [Fact]
    public void A_rule_that_keeps_firing_keeps_one_alert()
    {
        RunsBeforeNow(40, failed: 20, minutes: 30);
        for (var i = 0; i < 5; i++)
        {
            Evaluate();
            _clock.Advance(TimeSpan.FromSeconds(10));
        }
        var alert = Assert.Single(_board);
        Assert.Equal(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc), alert.TriggeredAt);
    }

    [Fact]
    public void Severity_escalates_and_calms_down_on_the_same_alert()
    {
        RunsBeforeNow(20, failed: 3, minutes: 30); // 15 %: high
        Evaluate();
        var high = Assert.Single(Active);
        Assert.Equal(Severity.High, high.Severity);

        RunsBeforeNow(20, failed: 10, minutes: 1); // 13 of 40 = 32.5 %: critical
        var transitions = Evaluate();
        Assert.IsType<Transition.Rerate>(Assert.Single(transitions));
        var critical = Assert.Single(Active);
        Assert.Equal((high.Id, Severity.Critical), (critical.Id, critical.Severity));
        Assert.Equal("32.5 % of runs failed in the last hour (13 of 40), above the 25 % threshold.", critical.Message);

        RunsBeforeNow(60, failed: 0, minutes: 1); // 13 of 100: high again
        Evaluate();
        Assert.Equal((high.Id, Severity.High), (Assert.Single(Active).Id, Assert.Single(Active).Severity));
    }

    [Fact]
    public void An_unreadable_source_neither_raises_nor_resolves()
    {
        RunsBeforeNow(20, failed: 20, minutes: 10);
        Evaluate();
        _clock.Advance(TimeSpan.FromHours(2)); // the runs have left the window …
        Assert.Empty(Evaluate(executionsAnswer: false)); // … but nobody could say so
        Assert.Single(Active);
        Evaluate();
        Assert.Empty(Active);
    }

    [Fact]
    public void After_resolving_a_new_burst_raises_a_new_alert()
    {
        RunsBeforeNow(20, failed: 20, minutes: 10);
        Evaluate();
        _clock.Advance(TimeSpan.FromHours(2));
        Evaluate();
        RunsBeforeNow(20, failed: 20, minutes: 10);
        Evaluate();
        Assert.Equal(2, _board.Count);
        Assert.Single(Active);
        Assert.NotEqual(_board[0].Id, _board[1].Id);
    }
}
