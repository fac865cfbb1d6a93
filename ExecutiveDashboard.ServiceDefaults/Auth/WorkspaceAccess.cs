using System.Security.Claims;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.ServiceDefaults.Auth;

/// <summary>Which scopes a token may see: the ids in its space-separated <c>workspaces</c> claim,
/// or everything (and the platform scope <c>all</c>) with the platform's key <c>*</c>.</summary>
public static class WorkspaceAccess
{
    public const string Everything = Scopes.PlatformKey;

    public static bool HasPlatformGrant(this ClaimsPrincipal user) => Workspaces(user).Contains(Everything);

    public static bool CanSee(this ClaimsPrincipal user, string scope)
    {
        var granted = Workspaces(user);
        return granted.Contains(Everything) || (scope != Scopes.Platform && granted.Contains(scope));
    }

    public static IReadOnlySet<string> Workspaces(this ClaimsPrincipal user) =>
        user.FindAll(Roles.WorkspacesClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
}
