using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExecutiveDashboard.ServiceDefaults.Auth;

/// <summary>The dashboard's own tokens: ES256, signed with an issuer's private key (<see cref="TokenKeys"/>), its
/// <c>kid</c> in the header so that verifiers know which key, and so which roles, to hold it to.</summary>
public static class DashboardTokens
{
    public const string Issuer = "executive-dashboard";
    public const string Audience = "executive-dashboard";

    public static string Create(SecurityKey key, string subject, string name, string role, string workspaces,
        DateTime now, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(Roles.SubjectClaim, subject),
                new Claim(Roles.NameClaim, name),
                new Claim(Roles.RoleClaim, role),
                new Claim(Roles.WorkspacesClaim, workspaces),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
}
