using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace ExecutiveDashboard.ServiceDefaults.Auth;

/// <summary>A public key whose tokens a service accepts, and the only roles a token it signed may carry.</summary>
public sealed record TrustedKey(string KeyId, ECDsaSecurityKey Key, IReadOnlySet<string> Roles);

/// <summary>
/// The keys of the dashboard's own tokens (ES256, ECDSA P-256; docs/security.md, Tokens), read from configuration and
/// checked when the service starts, so that a malformed or weak key stops the start with the setting's name rather
/// than refusing every token later:
/// <list type="bullet">
/// <item><c>Auth:TrustedKeys:{kid}:PublicKey</c> (base64 SubjectPublicKeyInfo) and <c>Auth:TrustedKeys:{kid}:Roles</c>
/// (space-separated): every service, one entry per issuer.</item>
/// <item><c>Auth:SigningKey</c> (base64 PKCS#8) and <c>Auth:KeyId</c>: only an issuer, and only its own key.</item>
/// </list>
/// </summary>
public sealed class TokenKeys
{
    public const string TrustedKeysSetting = "Auth:TrustedKeys";
    public const string SigningKeySetting = "Auth:SigningKey";
    public const string KeyIdSetting = "Auth:KeyId";

    private const string PublicKeyEntry = "PublicKey";
    private const string RolesEntry = "Roles";

    /// <summary>With an OIDC authority the authority's keys verify tokens, and this service signs none.</summary>
    public static readonly TokenKeys None = new(new Dictionary<string, TrustedKey>(), null);

    private TokenKeys(IReadOnlyDictionary<string, TrustedKey> trusted, ECDsaSecurityKey? signing)
    {
        Trusted = trusted;
        Signing = signing;
    }

    /// <summary>Without an OIDC authority: the keys tokens are verified with, by <c>kid</c>.</summary>
    public IReadOnlyDictionary<string, TrustedKey> Trusted { get; }

    /// <summary>The private key this service signs its own tokens with (its <c>kid</c> set), or null for a service
    /// that issues none.</summary>
    public ECDsaSecurityKey? Signing { get; }

    /// <summary>The settings that make a service trust <paramref name="publicKey"/> for <paramref name="roles"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> TrustSettings(string keyId, string publicKey, IEnumerable<string> roles) =>
    [
        new($"{TrustedKeysSetting}:{keyId}:{PublicKeyEntry}", publicKey),
        new($"{TrustedKeysSetting}:{keyId}:{RolesEntry}", string.Join(' ', roles)),
    ];

    /// <exception cref="InvalidOperationException">A key is missing, malformed, not P-256, or trusted for an unknown role.</exception>
    public static TokenKeys From(IConfiguration configuration)
    {
        var trusted = configuration.GetSection(TrustedKeysSetting).GetChildren()
            .Select(Trust)
            .ToDictionary(k => k.KeyId, StringComparer.Ordinal);
        if (trusted.Count == 0)
        {
            throw new InvalidOperationException(
                $"Neither Auth:Authority nor {TrustedKeysSetting} is set, so no token could ever be verified. The app host sets "
                + $"{TrustedKeysSetting}:{{kid}}:{PublicKeyEntry} and :{RolesEntry} for every service; elsewhere set them, or an OIDC Auth:Authority.");
        }
        return new TokenKeys(trusted, OwnKey(configuration, trusted));
    }

    private static TrustedKey Trust(IConfigurationSection entry)
    {
        var setting = $"{TrustedKeysSetting}:{entry.Key}";
        var key = PublicKey($"{setting}:{PublicKeyEntry}", entry[PublicKeyEntry]);
        key.KeyId = entry.Key;
        var roles = (entry[RolesEntry] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = roles.FirstOrDefault(r => !Roles.All.Contains(r) && r != Roles.Service);
        if (roles.Count == 0 || unknown is not null)
        {
            throw new InvalidOperationException(
                $"{setting}:{RolesEntry} must list the roles this key may sign for, space-separated, from {string.Join(", ", Roles.All)}, {Roles.Service}"
                + (unknown is null ? "; it is empty." : $"; '{unknown}' is none of them."));
        }
        return new TrustedKey(entry.Key, key, roles);
    }

    private static ECDsaSecurityKey? OwnKey(IConfiguration configuration, Dictionary<string, TrustedKey> trusted)
    {
        if (configuration[SigningKeySetting] is not { Length: > 0 } value)
        {
            return null;
        }
        var ecdsa = PrivateKey(SigningKeySetting, value);
        var keyId = configuration[KeyIdSetting];
        if (string.IsNullOrEmpty(keyId) || !trusted.TryGetValue(keyId, out var own))
        {
            throw new InvalidOperationException(
                $"{KeyIdSetting} must name the {TrustedKeysSetting} entry of {SigningKeySetting}'s public key; it is '{keyId}'.");
        }
        if (!own.Key.ECDsa.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(ecdsa.ExportSubjectPublicKeyInfo()))
        {
            throw new InvalidOperationException(
                $"{SigningKeySetting} is not the private half of {TrustedKeysSetting}:{keyId}:{PublicKeyEntry}: nobody would accept its tokens.");
        }
        return new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
    }

    /// <summary>A base64 PKCS#8 ECDSA P-256 private key, read from <paramref name="setting"/>.</summary>
    /// <exception cref="InvalidOperationException">It is malformed or not a P-256 key; the message names the setting.</exception>
    public static ECDsa PrivateKey(string setting, string? value) =>
        Import(setting, value, "PKCS#8 private key", (e, bytes) =>
        {
            e.ImportPkcs8PrivateKey(bytes, out var read);
            return read == bytes.Length;
        });

    private static ECDsaSecurityKey PublicKey(string setting, string? value) =>
        new(Import(setting, value, "SubjectPublicKeyInfo", (e, bytes) =>
        {
            e.ImportSubjectPublicKeyInfo(bytes, out var read);
            return read == bytes.Length;
        }));

    /// <summary>Only P-256: ES256 is the one algorithm accepted, and a shorter curve would be a weaker key.</summary>
    private static ECDsa Import(string setting, string? value, string form, Func<ECDsa, byte[], bool> import)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            if (!string.IsNullOrEmpty(value) && import(ecdsa, Convert.FromBase64String(value))
                && ecdsa.ExportParameters(false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                return ecdsa;
            }
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            // Reported below, as any other key that is not a P-256 one.
        }
        ecdsa.Dispose();
        throw new InvalidOperationException($"{setting} must be a base64 {form} of an ECDSA P-256 key (ES256); it is "
                                            + (string.IsNullOrEmpty(value) ? "empty." : "not one."));
    }
}
