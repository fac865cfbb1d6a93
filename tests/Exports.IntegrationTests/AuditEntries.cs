using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary>Audit entries as the download endpoint writes them, for tests that fill the audit directly.</summary>
internal static class AuditEntries
{
    public static AuditEntry Export(string? scope, string subject = "user-1", string outcome = ExportOutcome.Ok) => new(
        subject, "Ada Lovelace", Roles.Ceo, ["ws_a", "ws_b"], scope, "30d", new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
        "pdf", outcome, StatusOf(outcome), outcome == ExportOutcome.Ok ? 48_213 : null,
        outcome == ExportOutcome.Ok ? "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" : null, 812,
        "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)");

    private static int StatusOf(string outcome) => outcome switch
    {
        ExportOutcome.Ok => 200,
        ExportOutcome.Denied => 403,
        ExportOutcome.Invalid => 400,
        ExportOutcome.Throttled => 429,
        _ => 500,
    };
}
