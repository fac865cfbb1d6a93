namespace ExecutiveDashboard.Exports.Model;

/// <summary>One stored record of the exports audit, as <c>GET /api/exports/audit</c> answers it. <see cref="Hash"/> is
/// SHA-256 (lower-case hex) of the previous record's hash followed by this record's canonical JSON (every field but the
/// hash, in this order).</summary>
/// <param name="Channel"><see cref="ExportChannel"/>: <c>download</c> or <c>digest</c>.</param>
public sealed record AuditRecord(
    Guid Id,
    DateTime At,
    string? Subject,
    string? Name,
    string? Role,
    IReadOnlyList<string> TokenWorkspaces,
    string? Scope,
    string? Timeframe,
    DateTime? AsOf,
    string? Format,
    string Outcome,
    int Status,
    long? Bytes,
    string? Sha256,
    long DurationMs,
    string? ClientAddress,
    string? UserAgent,
    string Hash,
    string Channel = ExportChannel.Download);
