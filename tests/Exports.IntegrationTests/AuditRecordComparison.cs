using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Exports.Model;

namespace ExecutiveDashboard.Exports.IntegrationTests;

internal static class AuditRecordComparison
{
    /// <summary>Every field of the record as text, for equality: a record's workspaces are a list, which records compare
    /// by reference.</summary>
    public static string Stored(this AuditRecord record) => AuditChain.CanonicalJson(record) + record.Hash;
}
