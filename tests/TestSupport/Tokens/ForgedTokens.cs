using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// Tokens a service must refuse with a 401 problem (docs/security.md, Tokens), by what is wrong with each: forged,
/// altered, out of date, for someone else, living too long, or signed by a key that may not sign its role. Each
/// claims as much as it can (<c>ceo</c> of every workspace, or <c>service</c>), so that one accepted is seen as a
/// 2xx or a 403, not a 401. <see cref="Genuine"/> are their honest twins, which must pass.
/// </summary>
/// <param name="people">The issuer trusted for <c>ceo</c> (the gateway in the app).</param>
/// <param name="services">The issuer trusted for <c>service</c> alone (the alerts service in the app).</param>
public sealed class ForgedTokens(TestIssuer people, TestIssuer services)
{
    public IReadOnlyDictionary<string, string> Refused()
    {
        var now = DateTime.UtcNow;
        var genuine = Sign(people, Roles.Ceo, now, TimeSpan.FromHours(1));
        var stranger = new TestIssuer(people.KeyId, people.MaySign);
        return new Dictionary<string, string>
        {
            ["alg none"] = Raw("""{"alg":"none","typ":"JWT"}""", genuine, _ => []),
            ["signature stripped"] = genuine[..(genuine.LastIndexOf('.') + 1)],
            ["HS256 with the public key as secret"] = Raw($$"""{"alg":"HS256","typ":"JWT","kid":"{{people.KeyId}}"}""", genuine,
                signed => HMACSHA256.HashData(Convert.FromBase64String(people.PublicKey), signed)),
            ["role changed after signing"] = Altered(Sign(people, Roles.Member, now, TimeSpan.FromHours(1)), p => p["role"] = Roles.Ceo),
            ["workspaces changed after signing"] = Altered(Sign(people, Roles.Ceo, now, TimeSpan.FromHours(1), "ws_2"), p => p["workspaces"] = "*"),
            ["expired"] = Sign(people, Roles.Ceo, now.AddHours(-2), TimeSpan.FromHours(1)),
            ["not yet valid"] = Sign(people, Roles.Ceo, now.AddHours(1), TimeSpan.FromHours(1)),
            ["wrong issuer"] = Sign(people, Roles.Ceo, now, TimeSpan.FromHours(1), edit: d => d.Issuer = "someone-else"),
            ["wrong audience"] = Sign(people, Roles.Ceo, now, TimeSpan.FromHours(1), edit: d => d.Audience = "someone-else"),
            ["person token of 13 h"] = Sign(people, Roles.Ceo, now, TimeSpan.FromHours(13)),
            ["service token of 2 h"] = Sign(services, Roles.Service, now, TimeSpan.FromHours(2)),
            ["neither iat nor nbf"] = Sign(people, Roles.Ceo, now, TimeSpan.FromHours(1), edit: d => (d.IssuedAt, d.NotBefore) = (null, null)),
            ["service key claiming ceo"] = Sign(services, Roles.Ceo, now, TimeSpan.FromMinutes(10)),
            ["two roles"] = Sign(people, Roles.Ceo, now, TimeSpan.FromHours(1),
                edit: d => d.Subject.AddClaim(new Claim(Roles.RoleClaim, Roles.Admin))),
            ["unknown kid"] = Sign(new TestIssuer("unknown", people.MaySign), Roles.Ceo, now, TimeSpan.FromHours(1)),
            ["no kid"] = Sign(people, Roles.Ceo, now, TimeSpan.FromHours(1), key: new ECDsaSecurityKey(people.Key.ECDsa)),
            ["another key under a trusted kid"] = Sign(stranger, Roles.Ceo, now, TimeSpan.FromHours(1)),
        };
    }

    /// <summary>Tokens at the limits that must pass: a person's of exactly 12 h, a service's of exactly 1 h from its own key.</summary>
    public (string Person, string Service) Genuine()
    {
        var now = DateTime.UtcNow;
        return (Sign(people, Roles.Ceo, now, TokenRules.MaxPersonLifetime), Sign(services, Roles.Service, now, TokenRules.MaxServiceLifetime));
    }

    private static string Sign(TestIssuer issuer, string role, DateTime from, TimeSpan lifetime, string workspaces = "*",
        Action<SecurityTokenDescriptor>? edit = null, SecurityKey? key = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = DashboardTokens.Issuer,
            Audience = DashboardTokens.Audience,
            IssuedAt = from,
            NotBefore = from,
            Expires = from + lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(Roles.SubjectClaim, "forger"),
                new Claim(Roles.RoleClaim, role),
                new Claim(Roles.WorkspacesClaim, workspaces),
            ]),
            SigningCredentials = new SigningCredentials(key ?? issuer.Key, SecurityAlgorithms.EcdsaSha256),
        };
        edit?.Invoke(descriptor);
        // Without this the handler adds iat and nbf of its own to a descriptor that has none.
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The payload of <paramref name="token"/> under another header, with the signature <paramref name="sign"/>
    /// makes of <c>header.payload</c>.</summary>
    private static string Raw(string header, string token, Func<byte[], byte[]> sign)
    {
        var signed = $"{Base64UrlEncoder.Encode(header)}.{token.Split('.')[1]}";
        return $"{signed}.{Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(signed)))}";
    }

    /// <summary><paramref name="token"/> with its payload edited and its signature kept.</summary>
    private static string Altered(string token, Action<JsonObject> edit)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        edit(payload);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }
}
