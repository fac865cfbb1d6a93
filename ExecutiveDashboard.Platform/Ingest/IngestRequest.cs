using System.Text.Json;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Platform.Ingest;

/// <summary>The HTTP side of ingest shared by every service: body limits (413), malformed JSON and
/// invalid events (400, RFC 7807, naming each bad event's index and field), workspaces outside the
/// token (403), then the service's own durable store (<see cref="IEventIngest{T}"/>).</summary>
public static class IngestRequest
{
    /// <summary>What every ingest route answers, for its OpenAPI description.</summary>
    public const string Description =
        "A JSON array of events (docs/events.md). A batch with any invalid event is refused whole (400, naming each " +
        "bad event's index and field); an eventId seen before is counted as a duplicate, not stored again; a workspace the token " +
        "does not grant is a 403; more than 5,000 events or 5 MiB a 413. Nothing of a refused batch is stored.";

    /// <param name="clock">The server's clock: events are held to its now (<see cref="Bounds"/>).</param>
    public static async Task<Results<Accepted<IngestResult>, ValidationProblem, ProblemHttpResult>> HandleAsync<T>(
        HttpRequest request,
        TimeProvider clock,
        IEventIngest<T> ingest,
        CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength > EventBatch.MaxBytes)
        {
            return TooLarge($"The body is {request.ContentLength:N0} bytes; at most {EventBatch.MaxBytes:N0} are accepted.");
        }

        using var buffer = new MemoryStream();
        if (!await CopyBoundedAsync(request.Body, buffer, EventBatch.MaxBytes, cancellationToken))
        {
            return TooLarge($"The body is larger than {EventBatch.MaxBytes:N0} bytes.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON",
                detail: $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}). Nothing was stored.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > EventBatch.MaxEvents)
            {
                return TooLarge($"The batch holds {root.GetArrayLength():N0} events; at most {EventBatch.MaxEvents:N0} are accepted.");
            }

            var batch = EventBatch.Parse(root, ingest.Types, ingest.Parse, clock.GetUtcNow().UtcDateTime);
            if (!batch.IsValid)
            {
                return Invalid(batch.Errors);
            }

            var user = request.HttpContext.User;
            var forbidden = batch.Events.Select((e, i) => (Workspace: ingest.WorkspaceOf(e), Index: i))
                .FirstOrDefault(e => e.Workspace is not null && !user.CanSee(e.Workspace));
            if (forbidden.Workspace is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
                    detail: $"Event {forbidden.Index} is for workspace '{forbidden.Workspace}', which the token does not grant. Nothing was stored.");
            }

            return TypedResults.Accepted((string?)null, await ingest.StoreAsync(batch.Events, cancellationToken));
        }
    }

    private static ValidationProblem Invalid(IReadOnlyList<IngestError> errors)
    {
        var invalidEvents = errors.Select(e => e.Index).Distinct().Count();
        return TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Describe()).ToArray()),
            title: "Invalid event batch",
            detail: errors.Any(e => e.Index < 0)
                ? $"{errors[0].Message}. Nothing was stored."
                : $"{invalidEvents} event(s) of the batch are invalid; nothing of the batch was stored.");
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large",
            detail: detail + " Split it into batches of at most 5,000 events and 5 MiB.");

    private static async Task<bool> CopyBoundedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }
            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
        return true;
    }
}
