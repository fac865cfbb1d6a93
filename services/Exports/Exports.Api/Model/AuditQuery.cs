namespace ExecutiveDashboard.Exports.Model;

/// <summary>A validated <c>GET /api/exports/audit</c> query: records in <c>[From, To)</c>, of one subject, outcome or
/// scope when given, at most <see cref="Limit"/> of them, after the <see cref="Cursor"/> of a previous page.</summary>
public sealed record AuditQuery(DateTime? From, DateTime? To, string? Subject, string? Outcome, string? Scope, int Limit, string? Cursor);
