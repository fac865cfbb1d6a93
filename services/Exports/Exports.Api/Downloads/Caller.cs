using System.Security.Claims;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Exports.Downloads;

/// <summary>Who asked for an export, as the audit records them: the token's claims (none without a valid token) and
/// the client. Behind the gateway the client's address is the one the gateway forwards in <c>X-Forwarded-For</c>
/// (which it sets itself, replacing any the client sent).</summary>
public sealed record Caller(
    string? Subject, string? Name, string? Role, IReadOnlyList<string> Workspaces, string? ClientAddress, string? UserAgent)
{
    public static Caller Of(HttpContext context)
    {
        var user = context.User;
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim();
        return new(
            Present(user.FindFirst(Roles.SubjectClaim)?.Value),
            Present(user.FindFirst(Roles.NameClaim)?.Value),
            Present(user.FindFirst(Roles.RoleClaim)?.Value),
            [.. user.Workspaces().Order(StringComparer.Ordinal)],
            Present(forwarded) ?? context.Connection.RemoteIpAddress?.ToString(),
            Present(context.Request.Headers.UserAgent.ToString()));
    }

    /// <summary>How the live feed and the file name the caller: their name, else their subject.</summary>
    public string DisplayName => Name ?? Subject ?? "Someone";

    /// <summary>What the limits count by: the subject, else the client.</summary>
    public string LimitKey => Subject is { } subject ? $"sub:{subject}" : $"client:{ClientAddress}";

    /// <summary>An empty claim or header says nothing. Lengths and characters are the audit's to make storable.</summary>
    private static string? Present(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
