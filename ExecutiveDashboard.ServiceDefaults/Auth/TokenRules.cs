using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExecutiveDashboard.ServiceDefaults.Auth;

/// <summary>
/// What a token must also be once its signature, issuer, audience and dates have passed (docs/security.md, Tokens):
/// signed by a key trusted for its one role, and valid for no longer than that role may be, so that a stolen token
/// soon expires and no issuer can hand out tokens that outlive the rule.
/// </summary>
public static class TokenRules
{
    /// <summary>The longest a person's token (a sign-in) may be valid.</summary>
    public static readonly TimeSpan MaxPersonLifetime = TimeSpan.FromHours(12);

    /// <summary>The longest a service's token (<see cref="Roles.Service"/>) may be valid: services renew theirs.</summary>
    public static readonly TimeSpan MaxServiceLifetime = TimeSpan.FromHours(1);

    /// <returns>Why the token is refused, or null when it passes.</returns>
    public static string? Refusal(SecurityToken token, ClaimsPrincipal principal, TokenKeys keys)
    {
        var roles = principal.FindAll(Roles.RoleClaim).Select(c => c.Value).ToList();
        // Without an OIDC authority every token is the dashboard's own: its key decides which role it may carry.
        if (keys.Trusted.Count > 0)
        {
            if (token.SigningKey?.KeyId is not { } keyId || !keys.Trusted.TryGetValue(keyId, out var trusted))
            {
                return "The token is not signed by a trusted key.";
            }
            if (roles is not [var role] || !trusted.Roles.Contains(role))
            {
                return $"Key '{keyId}' may only sign tokens of one role of: {string.Join(", ", trusted.Roles)}.";
            }
        }

        if (token is not JsonWebToken jwt)
        {
            return "The token is not a JWT.";
        }
        var max = roles.Contains(Roles.Service) ? MaxServiceLifetime : MaxPersonLifetime;
        DateTime[] starts = [.. new[] { jwt.IssuedAt, jwt.ValidFrom }.Where(t => t != DateTime.MinValue)];
        if (starts.Length == 0)
        {
            return "The token has neither 'iat' nor 'nbf', so its lifetime is unknown.";
        }
        return jwt.ValidTo - starts.Min() > max
            ? $"The token is valid for longer than {max.TotalHours:0.#} h, the most its role may be."
            : null;
    }
}
