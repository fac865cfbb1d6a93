namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>In the last 24 hours at least <c>minEvents</c> accepted events of the scope could not be added to its numbers:
/// the executions service set them aside (quarantined) so that the rest kept flowing. Its totals miss them until
/// someone looks. The platform's alert counts every workspace's. Clears 24 hours after the last one.</summary>
public sealed class IngestQuarantine : AlertRule
{
    public const string RuleName = "ingest-quarantine";

    public override string Name => RuleName;

    public override string Description => "Last 24 h: at least minEvents accepted events could not be added to the numbers and were quarantined";

    public override IReadOnlyList<RuleParameter> Parameters { get; } =
    [
        new("minEvents", 1, 1, 1_000_000, "quarantined events in the last 24 hours that raise the alert"),
    ];

    public override Outcome Evaluate(ScopeSignals signals, RuleSettings settings)
    {
        if (signals.Executions is not { } e)
        {
            return Outcome.NotKnown;
        }
        return e.QuarantinedLast24h > 0 && e.QuarantinedLast24h >= settings["minEvents"]
            ? new Outcome.Firing(Severity.High,
                $"{Number(e.QuarantinedLast24h)} accepted events could not be added to the numbers in the last 24 hours and were quarantined; the totals miss them.")
            : Outcome.Cleared;
    }
}
