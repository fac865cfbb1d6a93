using System.Diagnostics.CodeAnalysis;
using ExecutiveDashboard.Contracts.Ingest;

namespace ExecutiveDashboard.Contracts.Metrics;

public static class Scopes
{
    /// <summary>The <c>workspace_id</c> that asks for the whole platform.</summary>
    public const string Platform = "all";

    /// <summary>The whole platform where the services store it (rollup rows, scope bounds) and where a token grants it
    /// (<c>workspaces: '*'</c>): a key that no workspace id can be, as <see cref="EventFields.IsValidId"/> refuses it.
    /// Never on the wire of a read, which names the platform <see cref="Platform"/>.</summary>
    public const string PlatformKey = "*";

    /// <summary>What a scope must be, for the problems that refuse one.</summary>
    public const string Rule = "must be a workspace id (1–128 letters, digits or -_.:@) or 'all' for the whole platform";

    /// <summary>Whether a read may name this scope: a workspace id as ingest accepts it, or <see cref="Platform"/>.
    /// Anything else (<see cref="PlatformKey"/>, quotes, paths, control characters) never reaches a query.</summary>
    public static bool IsValid([NotNullWhen(true)] string? scope) => scope is not null && (scope == Platform || EventFields.IsValidId(scope));
}
