using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Contracts.Signals;

namespace ExecutiveDashboard.Alerts.UnitTests;

/// <summary>Signals of one scope, every number named; what a test does not name is zero or absent.</summary>
internal static class Given
{
    public static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public static ScopeSignals Runs(
        long runsLastHour = 0, long failedLastHour = 0, decimal creditsLastHour = 0, decimal creditsPreviousWeek = 0,
        long runsLast24h = 0, long succeededLast24h = 0, long runsPrevious24h = 0, long succeededPrevious24h = 0,
        double? p95 = null, double? p95Previous = null, DateTime? earliest = null, DateTime? asOf = null, long quarantined = 0)
    {
        var at = asOf ?? Now;
        return new ScopeSignals("ws_1", at,
            new ExecutionSignals(at, earliest ?? at.AddDays(-30), runsLastHour, failedLastHour, creditsLastHour, creditsPreviousWeek,
                runsLast24h, succeededLast24h, runsPrevious24h, succeededPrevious24h, p95, p95Previous, QuarantinedLast24h: quarantined),
            new BillingSignals(at, 0, 0));
    }

    public static ScopeSignals Mrr(decimal now, decimal dayBefore) =>
        new("ws_1", Now, null, new BillingSignals(Now, now, dayBefore));

    public static Outcome Evaluate(AlertRule rule, ScopeSignals signals) => rule.Evaluate(signals, rule.Defaults);

    public static Severity? SeverityOf(Outcome outcome) => (outcome as Outcome.Firing)?.Severity;
}
