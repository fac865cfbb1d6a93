using System.Security.Claims;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Users.Apis;

/// <summary>What the signed-in person's own settings (<c>/api/users/me/…</c>: card layout, preferences) share: "me" is the
/// token's <c>sub</c>, and a body is read with <see cref="ExecutiveDashboard.ServiceDefaults.Http.JsonBody"/>.</summary>
internal static class PersonalSettings
{
    public static string? SubjectOf(ClaimsPrincipal user) =>
        user.FindFirst(Roles.SubjectClaim)?.Value is { Length: > 0 } subject ? subject : null;

    /// <param name="what">What would be kept: "a layout", "preferences".</param>
    public static ProblemHttpResult NoSubject(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No subject",
            detail: $"The token has no 'sub' claim, so there is no one to keep {what} for.");
}
