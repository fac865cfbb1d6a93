using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>
/// The token a digest's numbers are read with: the holder's subject, name, role and workspaces exactly as stored from
/// their latest token, signed with the exports service's own key (<see cref="TokenIssuer.Exports"/>, trusted for
/// <c>ceo</c> and <c>admin</c> only), valid 10 minutes. So the gateway and the services apply the holder's own rules: a
/// digest never shows what the holder's token would not.
/// </summary>
public sealed class DigestTokens(TokenKeys keys, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <returns>The <c>Authorization</c> header value.</returns>
    /// <exception cref="InvalidOperationException">The service has no signing key.</exception>
    public string AuthorizationFor(DigestHolder holder)
    {
        var key = keys.Signing ?? throw new InvalidOperationException(
            $"The exports service signs the tokens of digests, but has no {TokenKeys.SigningKeySetting}.");
        return "Bearer " + DashboardTokens.Create(key, holder.Subject, holder.Name ?? holder.Subject, holder.Role,
            string.Join(' ', holder.Grants), clock.GetUtcNow().UtcDateTime, Lifetime);
    }
}
