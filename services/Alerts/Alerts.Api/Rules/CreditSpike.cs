namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>
/// Credits used in the last hour are more than <c>factor</c> × the hourly mean of the 7 days before that hour.
/// Guards: the scope's first event is at least <c>minHistoryHours</c> old (a new workspace has no normal yet);
/// the mean is taken over the hours of those 7 days the scope existed (a 2-day-old workspace is not compared with
/// a week of zeros); a baseline of 0 credits raises nothing (any use would be an "infinite" spike).
/// </summary>
public sealed class CreditSpike : AlertRule
{
    public const string RuleName = "credit-spike";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private const decimal WeekHours = 7 * 24;

    public override string Name => RuleName;

    public override string Description => "Credits in the last hour above factor × the hourly mean of the previous 7 days (needs minHistoryHours of history)";

    public override IReadOnlyList<RuleParameter> Parameters { get; } =
    [
        new("factor", 3, 1, 1000, "how many times the hourly mean the last hour must exceed"),
        new("minHistoryHours", 24, 1, 168, "hours of history the scope needs before the rule applies"),
    ];

    public override Outcome Evaluate(ScopeSignals signals, RuleSettings settings)
    {
        if (signals.Executions is not { } e)
        {
            return Outcome.NotKnown;
        }
        if (e.EarliestEventAt is not { } earliest || Hours(signals.AsOf - earliest) < settings["minHistoryHours"])
        {
            return Outcome.Cleared;
        }
        var baselineHours = Math.Min(WeekHours, Hours(signals.AsOf - Hour - earliest));
        if (baselineHours <= 0 || e.CreditsPreviousWeek <= 0)
        {
            return Outcome.Cleared;
        }
        var mean = e.CreditsPreviousWeek / baselineHours;
        return e.CreditsLastHour > settings["factor"] * mean
            ? new Outcome.Firing(Severity.Medium,
                $"{Number(e.CreditsLastHour)} credits used in the last hour, {Number(Math.Round(e.CreditsLastHour / mean, 2))}× the hourly mean of {Number(Math.Round(mean, 2))} over the previous 7 days.")
            : Outcome.Cleared;
    }

    private static decimal Hours(TimeSpan span) => (decimal)span.Ticks / TimeSpan.TicksPerHour;
}
