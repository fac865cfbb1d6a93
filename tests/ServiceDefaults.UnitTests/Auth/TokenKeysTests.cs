using System.Security.Cryptography;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using static ExecutiveDashboard.ServiceDefaults.UnitTests.Auth.Keys;

namespace ExecutiveDashboard.ServiceDefaults.UnitTests.Auth;

/// <summary>The token keys of configuration are checked at start: a key that is not ECDSA P-256, or is malformed,
/// stops the start with the name of its setting.</summary>
public sealed class TokenKeysTests
{
    private static readonly ECDsa Gateway = NewP256();
    private static readonly ECDsa Alerts = NewP256();

    private static Dictionary<string, string?> App() =>
        Trusting("gateway", Gateway, "ceo admin member ingest").Concat(Trusting("alerts", Alerts, "service")).ToDictionary();

    [Fact]
    public void Each_trusted_key_keeps_its_roles_and_an_issuer_its_own_private_key()
    {
        var settings = App();
        settings[TokenKeys.SigningKeySetting] = PrivateOf(Alerts);
        settings[TokenKeys.KeyIdSetting] = "alerts";

        var keys = TokenKeys.From(Configuration(settings));

        Assert.True(keys.Trusted["gateway"].Roles.SetEquals(["ceo", "admin", "member", "ingest"]));
        Assert.True(keys.Trusted["alerts"].Roles.SetEquals(["service"]));
        Assert.Equal("alerts", keys.Signing!.KeyId);
        Assert.Equal(PrivateOf(Alerts), PrivateOf(keys.Signing.ECDsa));
    }

    [Fact]
    public void A_verifier_holds_no_private_key()
    {
        Assert.Null(TokenKeys.From(Configuration(App())).Signing);
    }

    public static TheoryData<string, string, string> BadSettings()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        var publicKey = "Auth:TrustedKeys:gateway:PublicKey";
        return new()
        {
            { publicKey, "not base64!", "malformed" },
            { publicKey, "", "empty" },
            { publicKey, Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()), "P-384" },
            { publicKey, Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()), "RSA" },
            { publicKey, PublicOf(Gateway)[..40], "truncated" },
            { publicKey, Convert.ToBase64String([.. Gateway.ExportSubjectPublicKeyInfo(), 0]), "trailing bytes" },
            { publicKey, PrivateOf(Gateway), "a private key" },
            { "Auth:TrustedKeys:gateway:Roles", "", "no roles" },
            { "Auth:TrustedKeys:gateway:Roles", "ceo boss", "an unknown role" },
            { TokenKeys.SigningKeySetting, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "a 32-byte HS256 secret" },
            { TokenKeys.SigningKeySetting, Convert.ToBase64String(p384.ExportPkcs8PrivateKey()), "P-384" },
            { TokenKeys.SigningKeySetting, Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), "RSA" },
            { TokenKeys.SigningKeySetting, PublicOf(Gateway), "a public key" },
            { TokenKeys.SigningKeySetting, PrivateOf(NewP256()), "not the private half of the trusted key" },
            { TokenKeys.KeyIdSetting, "", "no key id" },
            { TokenKeys.KeyIdSetting, "elsewhere", "a key id nobody trusts" },
        };
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_key_setting_fails_with_its_name(string setting, string value, string why)
    {
        var settings = App();
        settings[TokenKeys.SigningKeySetting] = PrivateOf(Gateway);
        settings[TokenKeys.KeyIdSetting] = "gateway";
        settings[setting] = value;

        var refusal = Assert.Throws<InvalidOperationException>(() => TokenKeys.From(Configuration(settings)));

        Assert.True(refusal.Message.StartsWith(setting, StringComparison.Ordinal), $"{why}: {refusal.Message}");
    }

    [Fact]
    public void No_trusted_key_and_no_authority_fails_the_start_with_what_to_set()
    {
        var builder = WebApplication.CreateBuilder();

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.Contains(TokenKeys.TrustedKeysSetting, refusal.Message);
        Assert.Contains("Auth:Authority", refusal.Message);
    }

    [Fact]
    public void A_service_with_a_bad_key_does_not_start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(Trusting("gateway", ECDsa.Create(ECCurve.NamedCurves.nistP521), "ceo"));

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());

        Assert.StartsWith("Auth:TrustedKeys:gateway:PublicKey must be a base64 SubjectPublicKeyInfo of an ECDSA P-256 key", refusal.Message);
    }

    [Fact]
    public void With_an_oidc_authority_no_key_of_the_app_is_needed()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Authority"] = "https://login.example.com" });

        builder.AddServiceDefaults();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
