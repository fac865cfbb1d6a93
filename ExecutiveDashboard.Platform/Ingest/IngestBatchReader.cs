using System.Text.Json;
using ExecutiveDashboard.Contracts.Ingest;
using Microsoft.AspNetCore.Http;

namespace ExecutiveDashboard.Platform.Ingest;

/// <summary>Reads a batch's bytes the one way every transport does (an HTTP body, a message of the ingest queue): the
/// size limits, the JSON, and each event's validation (<see cref="EventBatch"/>). A batch with any fault is refused
/// whole, with the same problem whichever way it came.</summary>
public static class IngestBatchReader
{
    /// <summary>The valid events of <paramref name="body"/>, or why it is refused.</summary>
    /// <param name="now">The server's time as the batch arrived (<see cref="Bounds"/>).</param>
    public static (IReadOnlyList<T> Events, IngestRefusal? Refusal) Read<T>(ReadOnlyMemory<byte> body, IEventIngest<T> ingest, DateTime now)
        where T : class
    {
        if (body.Length > EventBatch.MaxBytes)
        {
            return ([], TooLarge($"The body is {body.Length:N0} bytes; at most {EventBatch.MaxBytes:N0} are accepted."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return ([], new IngestRefusal(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}). Nothing was stored."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > EventBatch.MaxEvents)
            {
                return ([], TooLarge($"The batch holds {root.GetArrayLength():N0} events; at most {EventBatch.MaxEvents:N0} are accepted."));
            }

            var batch = EventBatch.Parse(root, ingest.Types, ingest.Parse, now);
            return batch.IsValid ? (batch.Events, null) : ([], Invalid(batch.Errors));
        }
    }

    public static IngestRefusal TooLarge(string detail) =>
        new(StatusCodes.Status413PayloadTooLarge, "Batch too large",
            detail + " Split it into batches of at most 5,000 events and 5 MiB.");

    private static IngestRefusal Invalid(IReadOnlyList<IngestError> errors)
    {
        var invalidEvents = errors.Select(e => e.Index).Distinct().Count();
        return new IngestRefusal(StatusCodes.Status400BadRequest, "Invalid event batch",
            errors.Any(e => e.Index < 0)
                ? $"{errors[0].Message}. Nothing was stored."
                : $"{invalidEvents} event(s) of the batch are invalid; nothing of the batch was stored.",
            errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Describe()).ToArray()));
    }
}
