namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>MRR is at least <c>dropPercent</c> % lower than 24 h earlier. Guard: no MRR a day ago, nothing to drop from.</summary>
public sealed class MrrDrop : AlertRule
{
    public const string RuleName = "mrr-drop";

    public override string Name => RuleName;

    public override string Description => "MRR at least dropPercent % lower than 24 h earlier";

    public override IReadOnlyList<RuleParameter> Parameters { get; } =
    [
        new("dropPercent", 5, 0.01m, 100, "relative drop in percent that raises the alert"),
    ];

    public override Outcome Evaluate(ScopeSignals signals, RuleSettings settings)
    {
        if (signals.Billing is not { } b)
        {
            return Outcome.NotKnown;
        }
        if (b.MrrDayBefore <= 0)
        {
            return Outcome.Cleared;
        }
        var drop = (b.MrrDayBefore - b.Mrr) * 100m / b.MrrDayBefore;
        return drop >= settings["dropPercent"]
            ? new Outcome.Firing(Severity.High, $"MRR fell {Pct(drop)} in 24 h, from {Money(b.MrrDayBefore)} to {Money(b.Mrr)}.")
            : Outcome.Cleared;
    }
}
