using System.Security.Claims;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.ServiceDefaults.Http;
using ExecutiveDashboard.Users.Layouts;
using ExecutiveDashboard.Users.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Users.Apis;

/// <summary>
/// The signed-in person's arrangement of the dashboard's metric cards, restored on any browser. "Me" is the token's
/// <c>sub</c>: no route takes a subject, so nobody can name another person's layout, to read or to write it.
/// </summary>
public static class LayoutApi
{
    public static IEndpointRouteBuilder MapLayoutApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users/me").WithTags("Card layout").RequireAuthorization(Roles.DashboardPolicy);

        api.MapGet("/layout", GetLayout)
            .WithName("GetCardLayout")
            .WithSummary("The signed-in person's card layout; 204 when they have saved none")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPut("/layout", SaveLayout)
            .Accepts<SaveCardLayout>("application/json")
            .WithName("SaveCardLayout")
            .WithSummary("Replace the signed-in person's card layout: at most 50 cards, each id once")
            .WithDescription("Answers the layout as stored. A token without a subject (sub) is a 403: there is no one to keep it for.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapDelete("/layout", DeleteLayout)
            .WithName("DeleteCardLayout")
            .WithSummary("Forget the signed-in person's card layout: the page falls back to the default order")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Results<Ok<CardLayout>, NoContent, ProblemHttpResult>> GetLayout(
        ClaimsPrincipal user, CardLayoutStore store, CancellationToken cancellationToken)
    {
        if (SubjectOf(user) is not { } subject)
        {
            return NoSubject();
        }
        return await store.GetAsync(subject, cancellationToken) is { } layout ? TypedResults.Ok(layout) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<CardLayout>, ValidationProblem, ProblemHttpResult>> SaveLayout(
        HttpRequest request, CardLayoutStore store, CancellationToken cancellationToken)
    {
        if (SubjectOf(request.HttpContext.User) is not { } subject)
        {
            return NoSubject();
        }
        var (document, refusal) = await JsonBody.ReadAsync(request, CardLayoutRequest.MaxBytes, "A card layout", cancellationToken);
        if (document is null)
        {
            return refusal!;
        }
        using (document)
        {
            var (cards, errors) = CardLayoutRequest.Parse(document.RootElement);
            if (cards is null)
            {
                return TypedResults.ValidationProblem(errors, title: "Invalid card layout", detail: "Nothing was stored.");
            }
            return TypedResults.Ok(await store.SaveAsync(subject, cards, cancellationToken));
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteLayout(
        ClaimsPrincipal user, CardLayoutStore store, CancellationToken cancellationToken)
    {
        if (SubjectOf(user) is not { } subject)
        {
            return NoSubject();
        }
        await store.DeleteAsync(subject, cancellationToken);
        return TypedResults.NoContent();
    }

    private static string? SubjectOf(ClaimsPrincipal user) => PersonalSettings.SubjectOf(user);

    private static ProblemHttpResult NoSubject() => PersonalSettings.NoSubject("a layout");
}
