using System.Security.Claims;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.ServiceDefaults.Http;
using ExecutiveDashboard.Users.Model;
using ExecutiveDashboard.Users.Preferences;
using Microsoft.AspNetCore.Http.HttpResults;
using static ExecutiveDashboard.Users.Apis.PersonalSettings;

namespace ExecutiveDashboard.Users.Apis;

/// <summary>
/// The signed-in person's time zone and first day of the week, which the page sends with every read (<c>tz</c>,
/// <c>weekStart</c>) and every export. "Me" is the token's <c>sub</c>, as for the card layout: nobody can name another
/// person's preferences.
/// </summary>
public static class PreferencesApi
{
    private const string Kept = "preferences";

    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users/me").WithTags("Preferences").RequireAuthorization(Roles.DashboardPolicy);

        api.MapGet("/preferences", GetPreferences)
            .WithName("GetPreferences")
            .WithSummary("The signed-in person's time zone and week start; 204 when they have saved none (the page then uses the browser's zone and Monday)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPut("/preferences", SavePreferences)
            .Accepts<SavePreferences>("application/json")
            .WithName("SavePreferences")
            .WithSummary("Replace the signed-in person's time zone (an IANA id) and week start (monday … sunday)")
            .WithDescription("Answers the preferences as stored. A token without a subject (sub) is a 403: there is no one to keep them for.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapDelete("/preferences", DeletePreferences)
            .WithName("DeletePreferences")
            .WithSummary("Forget the signed-in person's preferences: the page falls back to the browser's zone and Monday")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Results<Ok<UserPreferences>, NoContent, ProblemHttpResult>> GetPreferences(
        ClaimsPrincipal user, PreferencesStore store, CancellationToken cancellationToken)
    {
        if (SubjectOf(user) is not { } subject)
        {
            return NoSubject(Kept);
        }
        return await store.GetAsync(subject, cancellationToken) is { } preferences ? TypedResults.Ok(preferences) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<UserPreferences>, ValidationProblem, ProblemHttpResult>> SavePreferences(
        HttpRequest request, PreferencesStore store, CancellationToken cancellationToken)
    {
        if (SubjectOf(request.HttpContext.User) is not { } subject)
        {
            return NoSubject(Kept);
        }
        var (document, refusal) = await JsonBody.ReadAsync(request, PreferencesRequest.MaxBytes, "Preferences", cancellationToken);
        if (document is null)
        {
            return refusal!;
        }
        using (document)
        {
            var (preferences, errors) = PreferencesRequest.Parse(document.RootElement);
            if (preferences is not var (timeZone, weekStart))
            {
                return TypedResults.ValidationProblem(errors, title: "Invalid preferences", detail: "Nothing was stored.");
            }
            return TypedResults.Ok(await store.SaveAsync(subject, timeZone, weekStart, cancellationToken));
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePreferences(
        ClaimsPrincipal user, PreferencesStore store, CancellationToken cancellationToken)
    {
        if (SubjectOf(user) is not { } subject)
        {
            return NoSubject(Kept);
        }
        await store.DeleteAsync(subject, cancellationToken);
        return TypedResults.NoContent();
    }
}
