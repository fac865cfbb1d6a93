using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.Extensions.Configuration;

namespace ExecutiveDashboard.AppHost;

/// <summary>
/// The key pairs of the app's own token issuers (<see cref="TokenIssuer"/>; docs/security.md, Tokens): ECDSA P-256,
/// taken from <c>Auth:SigningKeys:{kid}</c> (base64 PKCS#8) or made for this run only. Every project gets the public
/// keys with the roles each may sign; an issuer alone gets its private key, as a secret parameter the dashboard masks.
/// </summary>
public static class TokenKeyExtensions
{
    public const string SigningKeysSetting = "Auth:SigningKeys";

    private sealed record KeyPair(IResourceBuilder<ParameterResource> PrivateKey, string PublicKey);

    /// <summary>One pair per issuer and app model (tests build several app models in one process).</summary>
    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, Dictionary<string, KeyPair>> Pairs = new();

    /// <summary>What every project verifies tokens with (<c>Auth:TrustedKeys</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithTrustedTokenKeys(this IResourceBuilder<ProjectResource> project)
    {
        foreach (var issuer in TokenIssuer.All)
        {
            var pair = PairOf(project.ApplicationBuilder, issuer);
            foreach (var (setting, value) in TokenKeys.TrustSettings(issuer.KeyId, pair.PublicKey, issuer.MaySign))
            {
                project.WithEnvironment(EnvironmentName(setting), value);
            }
        }
        return project;
    }

    /// <summary>The private key of <paramref name="issuer"/>, for its own project only.</summary>
    public static IResourceBuilder<ProjectResource> WithTokenSigningKey(this IResourceBuilder<ProjectResource> project, TokenIssuer issuer) =>
        project.WithEnvironment(EnvironmentName(TokenKeys.SigningKeySetting), PairOf(project.ApplicationBuilder, issuer).PrivateKey)
            .WithEnvironment(EnvironmentName(TokenKeys.KeyIdSetting), issuer.KeyId);

    private static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    private static KeyPair PairOf(IDistributedApplicationBuilder builder, TokenIssuer issuer)
    {
        var pairs = Pairs.GetOrCreateValue(builder);
        if (!pairs.TryGetValue(issuer.KeyId, out var pair))
        {
            var setting = $"{SigningKeysSetting}:{issuer.KeyId}";
            using var key = builder.Configuration[setting] is { Length: > 0 } configured
                ? TokenKeys.PrivateKey(setting, configured)
                : ECDsa.Create(ECCurve.NamedCurves.nistP256);
            pairs[issuer.KeyId] = pair = new KeyPair(
                builder.AddParameter($"auth-{issuer.KeyId}-signing-key", Convert.ToBase64String(key.ExportPkcs8PrivateKey()), secret: true),
                Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
        }
        return pair;
    }
}
