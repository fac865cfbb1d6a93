using System.Security.Claims;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Alerts.Model;

/// <summary>
/// Who acts on alerts, as the service stores and shows them: the token's subject, and the name people read (its
/// <c>name</c> claim, else the subject). Both are stored and published, so a claim is taken only when it is text the
/// dashboard stores anywhere else: at most <see cref="EventFields.MaxTextLength"/> characters, clean as
/// <see cref="Bounds.IsCleanText"/> says (the rule the gateway's own sign-in holds names to). Anything else is passed over,
/// as if the token did not carry it.
/// </summary>
public sealed record Actor(string Subject, string Name)
{
    /// <summary>A token without a usable subject: only an identity provider outside the dashboard could issue one.</summary>
    public const string Unknown = "unknown";

    public static Actor Of(ClaimsPrincipal user)
    {
        var subject = Storable(user.FindFirst(Roles.SubjectClaim)?.Value);
        var name = Storable(user.FindFirst(Roles.NameClaim)?.Value);
        return new(subject ?? name ?? Unknown, name ?? subject ?? Unknown);
    }

    private static string? Storable(string? claim) =>
        claim is { Length: <= EventFields.MaxTextLength } && !string.IsNullOrWhiteSpace(claim) && Bounds.IsCleanText(claim) ? claim : null;
}
