using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Gateway.Model;

/// <param name="Role">Required: one of <see cref="Roles.All"/>; there is no default, least of all <c>ceo</c>.</param>
/// <param name="Workspaces">Required: space-separated workspace ids, or <c>*</c> for every workspace and the platform.</param>
/// <param name="Name">Shown on the page; <c>Local {role}</c> when left out. It names nobody: the subject is new per token.</param>
public sealed record DevTokenRequest(string? Role, string? Workspaces, string? Name);
