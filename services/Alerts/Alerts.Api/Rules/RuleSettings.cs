namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>The thresholds in force for one rule, by parameter name.</summary>
public sealed record RuleSettings(IReadOnlyDictionary<string, decimal> Values)
{
    public decimal this[string name] => Values[name];
}
