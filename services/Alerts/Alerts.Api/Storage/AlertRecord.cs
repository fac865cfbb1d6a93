using ExecutiveDashboard.Alerts.Rules;

namespace ExecutiveDashboard.Alerts.Storage;

/// <summary>An alert as stored.</summary>
public sealed record AlertRecord(
    Guid Id, string Scope, string Rule, Severity Severity, string Message, DateTime TriggeredAt,
    DateTime? ResolvedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy);

/// <summary>Which alerts a list asks for, as of an instant: active (triggered before it, not resolved before it),
/// resolved (before it) or all (triggered before it).</summary>
public enum AlertState
{
    Active,
    Resolved,
    All,
}
