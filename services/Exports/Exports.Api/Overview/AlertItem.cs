namespace ExecutiveDashboard.Exports.Overview;

/// <summary>An alert as <c>GET /api/alerts</c> lists it (the fields a digest reads).</summary>
/// <param name="State"><c>active</c> or <c>resolved</c> as of the read's asOf.</param>
public sealed record AlertItem(string Id, string Type, string Message, string Severity, DateTime TriggeredAt, string State, DateTime? ResolvedAt);
