using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.ServiceDefaults.Http;

/// <summary>
/// The small JSON body of a write that an endpoint reads itself, to name each bad field in one problem: another content
/// type is a 415, a body over the endpoint's limit a 413 (checked while reading, as a chunked body states no length), and
/// anything that is not one JSON value a 400. Each refusal is an RFC 7807 problem that says nothing was stored.
/// </summary>
public static class JsonBody
{
    /// <param name="what">What the body is, for the 413's detail ("A card layout").</param>
    /// <returns>The parsed body (the caller disposes it), or the problem that refuses it.</returns>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Refusal)> ReadAsync(
        HttpRequest request, int maxBytes, string what, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the body as JSON, with Content-Type: application/json. Nothing was stored."));
        }
        if (request.ContentLength > maxBytes || await ReadBoundedAsync(request.Body, maxBytes, cancellationToken) is not { } body)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
                detail: $"{what} is at most {maxBytes:N0} bytes. Nothing was stored."));
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

    /// <summary>The body, or null once it passes <paramref name="maxBytes"/>.</summary>
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
