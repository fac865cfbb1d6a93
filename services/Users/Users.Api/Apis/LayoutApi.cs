using System.Security.Claims;
using System.Text.Json;
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
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the body as JSON, with Content-Type: application/json. Nothing was stored.");
        }
        if (request.ContentLength > CardLayoutRequest.MaxBytes || await ReadBoundedAsync(request.Body, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Layout too large",
                detail: $"A card layout is at most {CardLayoutRequest.MaxBytes:N0} bytes. Nothing was stored.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = RequestValidation.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON",
                detail: $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}). Nothing was stored.");
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

    private static string? SubjectOf(ClaimsPrincipal user) =>
        user.FindFirst(Roles.SubjectClaim)?.Value is { Length: > 0 } subject ? subject : null;

    private static ProblemHttpResult NoSubject() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No subject",
            detail: "The token has no 'sub' claim, so there is no one to keep a layout for.");

    /// <summary>The body, or null once it passes <see cref="CardLayoutRequest.MaxBytes"/> (a chunked body has no length to check first).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > CardLayoutRequest.MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
