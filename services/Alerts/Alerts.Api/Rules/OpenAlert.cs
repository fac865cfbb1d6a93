namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>An alert that has not resolved yet.</summary>
public sealed record OpenAlert(Guid Id, string Rule, Severity Severity, DateTime TriggeredAt);
