namespace ExecutiveDashboard.ServiceDefaults.Auth;

/// <summary>
/// One signer of the dashboard's own tokens (without an OIDC authority): its key id, and the only roles the services
/// accept from its key. The app host gives each its own private key and every service the public keys with these
/// roles (<see cref="TokenKeys"/>), so that no service, and not the simulator, can sign a token for a person.
/// </summary>
public sealed record TokenIssuer(string KeyId, IReadOnlyList<string> MaySign)
{
    /// <summary>The gateway's development tokens (<c>/api/dev/token</c>): people and senders of events, never a service.</summary>
    public static readonly TokenIssuer Gateway = new("gateway", Roles.All);

    /// <summary>The alerts service, calling <c>/signals</c> on its own behalf (<see cref="ServiceTokens"/>).</summary>
    public static readonly TokenIssuer Alerts = new("alerts", [Roles.Service]);

    /// <summary>The exports service, reading a digest's numbers for the person who subscribed, with exactly the role and
    /// workspaces of that person's latest token: people's roles that read the dashboard, never ingest or a service.</summary>
    public static readonly TokenIssuer Exports = new("exports", [Roles.Ceo, Roles.Admin]);

    public static readonly IReadOnlyList<TokenIssuer> All = [Gateway, Alerts, Exports];
}
