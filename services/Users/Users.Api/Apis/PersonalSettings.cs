using System.Security.Claims;
using System.Text.Json;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Users.Apis;

/// <summary>What the signed-in person's own settings (<c>/api/users/me/…</c>: card layout, preferences) share: "me" is the
/// token's <c>sub</c>, and a body is JSON of bounded size, refused before anything is stored.</summary>
internal static class PersonalSettings
{
    public static string? SubjectOf(ClaimsPrincipal user) =>
        user.FindFirst(Roles.SubjectClaim)?.Value is { Length: > 0 } subject ? subject : null;

    /// <param name="what">What would be kept: "a layout", "preferences".</param>
    public static ProblemHttpResult NoSubject(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No subject",
            detail: $"The token has no 'sub' claim, so there is no one to keep {what} for.");

    /// <summary>The body as a JSON document, or the 415, 413 or 400 problem that refuses it.</summary>
    /// <param name="tooLarge">The 413's title: "Layout too large".</param>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Refusal)> ReadJsonAsync(
        HttpRequest request, int maxBytes, string tooLarge, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the body as JSON, with Content-Type: application/json. Nothing was stored."));
        }
        if (request.ContentLength > maxBytes || await ReadBoundedAsync(request.Body, maxBytes, cancellationToken) is not { } body)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: tooLarge,
                detail: $"The body may be at most {maxBytes:N0} bytes. Nothing was stored."));
        }
        try
        {
            return (JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = RequestValidation.MaxJsonDepth }), null);
        }
        catch (JsonException e)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON",
                detail: $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}). Nothing was stored."));
        }
    }

    /// <summary>The body, or null once it passes <paramref name="maxBytes"/> (a chunked body has no length to check first).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
