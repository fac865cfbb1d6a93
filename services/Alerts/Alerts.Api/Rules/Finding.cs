namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>One rule's outcome for a scope.</summary>
public sealed record Finding(string Rule, Outcome Outcome);
