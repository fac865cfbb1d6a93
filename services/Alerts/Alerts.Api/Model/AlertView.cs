using ExecutiveDashboard.Alerts.Rules;

namespace ExecutiveDashboard.Alerts.Model;

/// <summary>An alert as the API shows it. The first five fields are the dashboard's <c>ActiveAlert</c>.</summary>
/// <param name="Type">The rule's name.</param>
/// <param name="State"><c>active</c> or <c>resolved</c> as of the request's asOf.</param>
/// <param name="AcknowledgedBy">The subject (<c>sub</c>) of the first to acknowledge it.</param>
/// <param name="AcknowledgedByName">Their name as the page shows it ("Acknowledged by Dana"): the token's <c>name</c>, else the subject.</param>
public sealed record AlertView(
    string Id, string Type, string Message, string Severity, DateTime TriggeredAt,
    string WorkspaceId, string State, DateTime? ResolvedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy,
    string? AcknowledgedByName)
{
    public static AlertView From(AlertRecord a, DateTime asOf)
    {
        var resolved = a.ResolvedAt is { } at && at < asOf;
        return new(a.Id.ToString(), a.Rule, a.Message, a.Severity.ToWire(), a.TriggeredAt, a.Scope,
            resolved ? "resolved" : "active", resolved ? a.ResolvedAt : null, a.AcknowledgedAt, a.AcknowledgedBy,
            a.AcknowledgedByName);
    }
}
