namespace ExecutiveDashboard.Exports.Model;

/// <summary>What the service knows of one export request when it has answered it: the audit's record without its id,
/// time and hash, which <c>AuditLog.AppendAsync</c> gives it. Anything the request did not say is null.</summary>
/// <param name="Channel"><see cref="ExportChannel"/>: where the file went.</param>
public sealed record AuditEntry(
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
    string Channel = ExportChannel.Download);
