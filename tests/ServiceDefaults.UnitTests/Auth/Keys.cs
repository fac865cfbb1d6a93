using System.Security.Cryptography;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.ServiceDefaults.UnitTests.Auth;

/// <summary>Key material and settings for the tests, base64 as configuration holds it.</summary>
internal static class Keys
{
    public static ECDsa NewP256() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PublicOf(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    public static string PrivateOf(ECDsa key) => Convert.ToBase64String(key.ExportPkcs8PrivateKey());

    /// <summary>A service that trusts <paramref name="key"/> as <c>kid</c> <paramref name="keyId"/> for <paramref name="roles"/>.</summary>
    public static Dictionary<string, string?> Trusting(string keyId, ECDsa key, string roles) =>
        TokenKeys.TrustSettings(keyId, PublicOf(key), roles.Split(' '))
            .ToDictionary(s => s.Key, s => (string?)s.Value);
}
