using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Exports.Files;

/// <summary>What a file shows: the overview exactly as the gateway composed it for the caller, and who asked for it.
/// The timeframe, the period and <c>asOf</c> are the overview's own.</summary>
/// <param name="Scope">A workspace id, or <c>all</c>.</param>
/// <param name="GeneratedBy">The caller's name (their <c>sub</c> when the token has no name).</param>
/// <param name="CardOrder">Card ids of the caller's layout, in order: the PDF shows those cards first.</param>
public sealed record ExportDocument(
    ExecutiveDashboardData Overview, string Scope, DateTime GeneratedAt, string GeneratedBy, IReadOnlyList<string> CardOrder,
    ReaderCalendar? Reader = null)
{
    /// <summary>How a person reads the scope: the workspace id, or "All workspaces".</summary>
    public string ScopeLabel => Scope == Scopes.Platform ? "All workspaces" : Scope;
}
