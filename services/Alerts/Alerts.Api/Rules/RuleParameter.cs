namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>One editable threshold of a rule, with the range an edit must stay in.</summary>
public sealed record RuleParameter(string Name, decimal Default, decimal Min, decimal Max, string Description);
