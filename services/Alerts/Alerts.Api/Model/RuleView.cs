using ExecutiveDashboard.Alerts.Rules;

namespace ExecutiveDashboard.Alerts.Model;

public sealed record RuleView(string Name, string Description, IReadOnlyDictionary<string, decimal> Parameters, IReadOnlyList<RuleParameter> Limits)
{
    public static RuleView From(AlertRule rule, RuleSettings settings) => new(rule.Name, rule.Description, settings.Values, rule.Parameters);
}
