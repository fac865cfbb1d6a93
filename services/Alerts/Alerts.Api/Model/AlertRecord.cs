using ExecutiveDashboard.Alerts.Rules;

namespace ExecutiveDashboard.Alerts.Model;

/// <summary>An alert as stored.</summary>
public sealed record AlertRecord(
    Guid Id, string Scope, string Rule, Severity Severity, string Message, DateTime TriggeredAt,
    DateTime? ResolvedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy);
