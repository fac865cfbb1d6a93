using ExecutiveDashboard.Alerts.Rules;

namespace ExecutiveDashboard.Alerts.Model;

/// <summary>An alert as stored.</summary>
/// <param name="AcknowledgedBy">The first acknowledger's subject.</param>
/// <param name="AcknowledgedByName">Their name as people read it (<see cref="Actor.Name"/>).</param>
public sealed record AlertRecord(
    Guid Id, string Scope, string Rule, Severity Severity, string Message, DateTime TriggeredAt,
    DateTime? ResolvedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgedByName);
