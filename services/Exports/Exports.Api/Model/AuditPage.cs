namespace ExecutiveDashboard.Exports.Model;

/// <summary>A page of the audit, newest first; <see cref="Next"/> asks for the following page, null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, string? Next);
