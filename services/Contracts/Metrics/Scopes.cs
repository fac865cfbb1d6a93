using System.Diagnostics.CodeAnalysis;
using ExecutiveDashboard.Contracts.Ingest;

namespace ExecutiveDashboard.Contracts.Metrics;

public static class Scopes
{
    /// <summary>The <c>workspace_id</c> that asks for the whole platform.</summary>
    public const string Platform = "all";

    /// <summary>What a scope must be, for the problems that refuse one.</summary>
    public const string Rule = "must be a workspace id (1–128 letters, digits or -_.:@) or 'all' for the whole platform";

    /// <summary>Whether a read may name this scope: a workspace id as ingest accepts it, or <see cref="Platform"/>.
    /// Anything else (the services' internal key of the platform, quotes, paths, control characters) never reaches
    /// a query.</summary>
    public static bool IsValid([NotNullWhen(true)] string? scope) => scope is not null && (scope == Platform || EventFields.IsValidId(scope));
}
