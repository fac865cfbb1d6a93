using System.Security.Cryptography;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.IdentityModel.Tokens;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// A token issuer of the tests: an ECDSA P-256 key pair of its own, the key id and the roles a service under test
/// trusts it for (<see cref="TrustSettings"/>), as the app host makes one per <see cref="TokenIssuer"/>.
/// </summary>
public sealed class TestIssuer
{
    /// <summary>Trusted by every service under test for every role: what <c>ServiceFactory.ClientFor</c> signs with.</summary>
    public static readonly TestIssuer Everyone = new("test", [.. Roles.All, Roles.Service]);

    /// <summary>Trusted for the role <c>service</c> alone, as the app trusts the alerts service's key.</summary>
    public static readonly TestIssuer ServiceOnly = new("test-service", [Roles.Service]);

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestIssuer(string keyId, IReadOnlyList<string> maySign)
    {
        KeyId = keyId;
        MaySign = maySign;
        Key = new ECDsaSecurityKey(_key) { KeyId = keyId };
    }

    public string KeyId { get; }

    /// <summary>The roles services trust this issuer's key for.</summary>
    public IReadOnlyList<string> MaySign { get; }

    /// <summary>The private key, its <c>kid</c> set.</summary>
    public ECDsaSecurityKey Key { get; }

    /// <summary>Base64 SubjectPublicKeyInfo.</summary>
    public string PublicKey => Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());

    /// <summary>Base64 PKCS#8.</summary>
    public string PrivateKey => Convert.ToBase64String(_key.ExportPkcs8PrivateKey());

    /// <summary>What makes a service trust this issuer's tokens.</summary>
    public IEnumerable<KeyValuePair<string, string>> TrustSettings => TokenKeys.TrustSettings(KeyId, PublicKey, MaySign);

    /// <summary>What makes a service this issuer: its private key and key id (add <see cref="TrustSettings"/> too).</summary>
    public IEnumerable<KeyValuePair<string, string>> SigningSettings =>
        [new(TokenKeys.SigningKeySetting, PrivateKey), new(TokenKeys.KeyIdSetting, KeyId)];

    /// <summary>A token as an issuer of the app signs one, valid from now.</summary>
    public string Token(string role, string workspaces, string subject = "test", TimeSpan? lifetime = null, string name = "Test") =>
        DashboardTokens.Create(Key, subject, name, role, workspaces, DateTime.UtcNow, lifetime ?? TimeSpan.FromHours(1));
}
