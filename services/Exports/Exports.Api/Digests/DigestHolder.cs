using System.Security.Claims;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>Who a digest is for, as their latest token to <c>/api/users/me/digests</c> says: the digest is sent with a
/// token of exactly this role and these workspaces (<see cref="DigestTokens"/>), while that token is recent enough
/// (<see cref="DigestOptions.GrantsValidFor"/>).</summary>
public sealed record DigestHolder(string Subject, string? Name, string Role, IReadOnlyList<string> Grants)
{
    /// <returns>Null for a token without a subject: there is no one to keep digests for.</returns>
    public static DigestHolder? Of(ClaimsPrincipal user) =>
        user.FindFirst(Roles.SubjectClaim)?.Value is { Length: > 0 } subject
            ? new(subject, user.FindFirst(Roles.NameClaim)?.Value is { Length: > 0 } name ? name : null,
                user.FindFirst(Roles.RoleClaim)!.Value, [.. user.Workspaces().Order(StringComparer.Ordinal)])
            : null;

    /// <summary>Whether these grants show <paramref name="scope"/>: <c>all</c> needs <c>*</c>.</summary>
    public bool Shows(string scope) => Grants.Contains(WorkspaceAccess.Everything) || (scope != Scopes.Platform && Grants.Contains(scope));
}
