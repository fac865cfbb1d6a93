using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace ExecutiveDashboard.ServiceDefaults.Http;

/// <summary>
/// A request the framework could not bind (a body that is not JSON, not of the endpoint's shape, nested too deep or
/// missing; another content type than JSON; a route or query value of the wrong type; a body over Kestrel's limit) is the
/// client's mistake. It answers as an RFC 7807 problem with the exception's own status (400, 413, 415): the exception
/// handler alone would make it a 500. The detail says what to fix without naming the endpoint's .NET types.
/// </summary>
public sealed partial class BadRequestHandler(ILogger<BadRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        LogRefused(bad.StatusCode, httpContext.Request.Method, httpContext.Request.Path, bad.Message);
        var title = ReasonPhrases.GetReasonPhrase(bad.StatusCode);
        await Problems.WriteAsync(httpContext, bad switch
        {
            { StatusCode: StatusCodes.Status415UnsupportedMediaType } => new ProblemDetails
            {
                Status = bad.StatusCode, Title = title, Detail = "Send the body as JSON, with Content-Type: application/json.",
            },
            // Named as the endpoints' own validation names fields (cards[0].id, scopes[1]), from the reader's JSON path.
            { InnerException: JsonException json } => new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [FieldOf(json.Path)] = [$"is not valid JSON of the type this field takes, or is nested more than {RequestValidation.MaxJsonDepth} levels deep"],
            })
            {
                Status = bad.StatusCode, Title = title,
                Detail = $"The body could not be read (line {json.LineNumber + 1}, byte {json.BytePositionInLine}). Nothing was done.",
            },
            _ => new ProblemDetails
            {
                Status = bad.StatusCode, Title = title,
                Detail = httpContext.Request.ContentLength == 0 ? "This endpoint takes a JSON body; the request had none. Nothing was done." : bad.Message,
            },
        });
        return true;
    }

    private static string FieldOf(string? path) => path is null or "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [LoggerMessage(LogLevel.Debug, "Refused a request that could not be bound ({Status}) on {Method} {Path}: {Reason}")]
    private partial void LogRefused(int status, string method, string path, string reason);
}
