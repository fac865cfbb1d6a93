using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExecutiveDashboard.ServiceDefaults.Auth;

/// <summary>Development tokens: HS256 with the signing key the app host hands to every service.</summary>
public static class DashboardTokens
{
    public const string Issuer = "executive-dashboard";
    public const string Audience = "executive-dashboard";

    public static SymmetricSecurityKey SigningKey(IConfiguration configuration)
    {
        var key = configuration["Auth:SigningKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is not set. The app host generates one for every run; set it (base64, 32 bytes or more) or set Auth:Authority.");
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(key));
    }

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
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
}
