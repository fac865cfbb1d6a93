using System.Security.Claims;
using System.Security.Cryptography;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static ExecutiveDashboard.ServiceDefaults.UnitTests.Auth.Keys;

namespace ExecutiveDashboard.ServiceDefaults.UnitTests.Auth;

/// <summary>Past its signature, a token must come from a key trusted for its one role, and live no longer than that
/// role may: 12 h for a person, 1 h for a service, measured from the earlier of iat and nbf.</summary>
public sealed class TokenRulesTests
{
    private static readonly ECDsa PeopleKey = NewP256();
    private static readonly ECDsa ServiceKey = NewP256();
    private static readonly DateTime Now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    private static readonly TokenKeys App = TokenKeys.From(new ConfigurationBuilder()
        .AddInMemoryCollection(Trusting("people", PeopleKey, "ceo admin member ingest").Concat(Trusting("services", ServiceKey, "service")))
        .Build());

    [Theory]
    [InlineData("people", "ceo", 12 * 3600, true)]
    [InlineData("people", "ceo", 12 * 3600 + 1, false)]
    [InlineData("people", "ingest", 13 * 3600, false)]
    [InlineData("services", "service", 3600, true)]
    [InlineData("services", "service", 3601, false)]
    [InlineData("services", "service", 2 * 3600, false)]
    public void A_token_lives_at_most_what_its_role_may(string key, string role, int seconds, bool passes)
    {
        var token = Token(key, [role], iat: Now, nbf: Now, exp: Now.AddSeconds(seconds));

        Assert.Equal(passes, TokenRules.Refusal(token, PrincipalOf(token), App) is null);
    }

    [Fact]
    public void The_lifetime_counts_from_the_earlier_of_iat_and_nbf()
    {
        var backdated = Token("people", ["ceo"], iat: Now, nbf: Now.AddHours(-2), exp: Now.AddHours(11));
        var nbfOnly = Token("people", ["ceo"], iat: null, nbf: Now, exp: Now.AddHours(13));
        var neither = Token("people", ["ceo"], iat: null, nbf: null, exp: Now.AddHours(1));

        Assert.Contains("longer than 12 h", TokenRules.Refusal(backdated, PrincipalOf(backdated), App));
        Assert.Contains("longer than 12 h", TokenRules.Refusal(nbfOnly, PrincipalOf(nbfOnly), App));
        Assert.Contains("neither 'iat' nor 'nbf'", TokenRules.Refusal(neither, PrincipalOf(neither), App));
    }

    [Theory]
    [InlineData("services", new[] { "ceo" })]
    [InlineData("services", new[] { "admin" })]
    [InlineData("people", new[] { "service" })]
    [InlineData("people", new[] { "ceo", "admin" })]
    [InlineData("people", new string[0])]
    public void A_key_signs_only_a_single_role_it_is_trusted_for(string key, string[] roles)
    {
        var token = Token(key, roles, iat: Now, nbf: Now, exp: Now.AddMinutes(10));

        Assert.StartsWith($"Key '{key}' may only sign", TokenRules.Refusal(token, PrincipalOf(token), App));
    }

    [Fact]
    public void A_token_no_trusted_key_verified_is_refused()
    {
        var token = Token("people", ["ceo"], iat: Now, nbf: Now, exp: Now.AddMinutes(10));
        token.SigningKey = new ECDsaSecurityKey(NewP256()) { KeyId = "elsewhere" };

        Assert.Equal("The token is not signed by a trusted key.", TokenRules.Refusal(token, PrincipalOf(token), App));
    }

    [Theory]
    [InlineData("ceo", 3600, true)]
    [InlineData("ceo", 13 * 3600, false)]
    [InlineData("service", 2 * 3600, false)]
    public void An_oidc_token_is_held_to_the_same_lifetimes(string role, int seconds, bool passes)
    {
        var token = Token("people", [role], iat: Now, nbf: Now, exp: Now.AddSeconds(seconds));

        Assert.Equal(passes, TokenRules.Refusal(token, PrincipalOf(token), TokenKeys.None) is null);
    }

    /// <summary>A token as the handler hands it over once its signature passed: parsed, with the key that verified it.</summary>
    private static JsonWebToken Token(string key, string[] roles, DateTime? iat, DateTime? nbf, DateTime exp)
    {
        var identity = new ClaimsIdentity([new Claim(Roles.SubjectClaim, "someone"), .. roles.Select(r => new Claim(Roles.RoleClaim, r))]);
        var signingKey = App.Trusted[key].Key;
        var ecdsa = key == "people" ? PeopleKey : ServiceKey;
        var text = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DashboardTokens.Issuer,
            Audience = DashboardTokens.Audience,
            IssuedAt = iat,
            NotBefore = nbf,
            Expires = exp,
            Subject = identity,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = key }, SecurityAlgorithms.EcdsaSha256),
        });
        return new JsonWebToken(text) { SigningKey = signingKey };
    }

    private static ClaimsPrincipal PrincipalOf(JsonWebToken token) => new(new ClaimsIdentity(token.Claims, "Bearer"));
}
