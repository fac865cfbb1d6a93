using System.Security.Claims;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Exports.Downloads;

/// <summary>Who asked for an export, as the audit records them: the token's claims (none without a valid token) and
/// the client. Behind the gateway the client's address is the one the gateway forwards in <c>X-Forwarded-For</c>
/// (which it sets itself, replacing any the client sent).</summary>
public sealed record Caller(
    string? Subject, string? Name, string? Role, IReadOnlyList<string> Workspaces, string? ClientAddress, string? UserAgent)
{
    /// <summary>Claims and headers are the client's words: kept to a length an audit line can hold.</summary>
    public const int MaxLength = 256;

    public static Caller Of(HttpContext context)
    {
        var user = context.User;
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim();
        return new(
            Bounded(user.FindFirst(Roles.SubjectClaim)?.Value),
            Bounded(user.FindFirst(Roles.NameClaim)?.Value),
            Bounded(user.FindFirst(Roles.RoleClaim)?.Value),
            [.. user.Workspaces().Order(StringComparer.Ordinal).Take(100).Select(w => Bounded(w)!)],
            Bounded(forwarded.Length > 0 ? forwarded : context.Connection.RemoteIpAddress?.ToString()),
            Bounded(context.Request.Headers.UserAgent.ToString()));
    }

    /// <summary>How the live feed and the file name the caller: their name, else their subject.</summary>
    public string DisplayName => Name ?? Subject ?? "Someone";

    /// <summary>What the limits count by: the subject, else the client.</summary>
    public string LimitKey => Subject is { } subject ? $"sub:{subject}" : $"client:{ClientAddress}";

    public static string? Bounded(string? value) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= MaxLength ? value : value[..MaxLength];
}
