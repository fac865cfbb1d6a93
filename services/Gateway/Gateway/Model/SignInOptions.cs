namespace ExecutiveDashboard.Gateway.Model;

/// <param name="Mode"><c>oidc</c> (a configured <c>Auth:Authority</c>), <c>development</c> (the dev-token form) or
/// <c>none</c> (production without an authority: nobody can sign in, and the page says so).</param>
/// <param name="ClientId">The page's public client at the authority (<c>Auth:ClientId</c>); it signs in with the
/// authorization code flow and PKCE, so it holds no secret.</param>
public sealed record SignInOptions(string Mode, string? Authority = null, string? ClientId = null, string? Scope = null);
