namespace ExecutiveDashboard.Exports.Model;

/// <summary>A validated <c>GET /api/exports/audit</c> query: records in <c>[From, To)</c>, of one subject, outcome or
/// scope when given, at most <see cref="Limit"/> of them, appended before the record at <see cref="Before"/> (the
/// position a previous page's cursor names).</summary>
public sealed record AuditQuery(DateTime? From, DateTime? To, string? Subject, string? Outcome, string? Scope, int Limit, long? Before = null);
