using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Platform.Ingest;

/// <summary>The HTTP side of ingest shared by every service: body limits (413), malformed JSON and
/// invalid events (400, RFC 7807, naming each bad event's index and field), all read by <see cref="IngestBatchReader"/>
/// as the ingest queue reads them; workspaces outside the token (403); then the service's own durable store
/// (<see cref="IEventIngest{T}"/>).</summary>
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
            return Refused(IngestBatchReader.TooLarge($"The body is {request.ContentLength:N0} bytes; at most {EventBatch.MaxBytes:N0} are accepted."));
        }

        using var buffer = new MemoryStream();
        if (!await CopyBoundedAsync(request.Body, buffer, EventBatch.MaxBytes, cancellationToken))
        {
            return Refused(IngestBatchReader.TooLarge($"The body is larger than {EventBatch.MaxBytes:N0} bytes."));
        }

        var (events, refusal) = IngestBatchReader.Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ingest, clock.GetUtcNow().UtcDateTime);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        var user = request.HttpContext.User;
        var forbidden = events.Select((e, i) => (Workspace: ingest.WorkspaceOf(e), Index: i))
            .FirstOrDefault(e => e.Workspace is not null && !user.CanSee(e.Workspace));
        if (forbidden.Workspace is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
                detail: $"Event {forbidden.Index} is for workspace '{forbidden.Workspace}', which the token does not grant. Nothing was stored.");
        }

        return TypedResults.Accepted((string?)null, await ingest.StoreAsync(events, cancellationToken));
    }

    private static Results<Accepted<IngestResult>, ValidationProblem, ProblemHttpResult> Refused(IngestRefusal refusal) =>
        refusal.Errors is null
            ? TypedResults.Problem(statusCode: refusal.StatusCode, title: refusal.Title, detail: refusal.Detail)
            : TypedResults.ValidationProblem(refusal.Errors, title: refusal.Title, detail: refusal.Detail);

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
