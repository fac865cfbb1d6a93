using System.Text.Json;

namespace ExecutiveDashboard.Contracts.Ingest;

/// <summary>Turns a JSON array of events into typed events, or into the list of everything wrong with it.
/// A batch is all or nothing: one bad event refuses the whole batch.</summary>
public static class EventBatch
{
    public const int MaxEvents = 5_000;
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <param name="parseEvent">Reads one event of a known <c>type</c>; returns <c>null</c> for an unknown type.</param>
    /// <param name="now">The server's time as the batch arrived: no event may be dated more than
    /// <see cref="Bounds.FutureAllowance"/> after it.</param>
    public static EventBatchResult<T> Parse<T>(JsonElement root, string[] knownTypes, Func<string, EventFields, T> parseEvent, DateTime now)
        where T : class
    {
        var errors = new List<IngestError>();
        if (root.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new IngestError(-1, null, null, "$", "the body must be a JSON array of events"));
            return new([], errors);
        }

        var events = new List<T>(root.GetArrayLength());
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            var fields = new EventFields(element, index++, errors, now);
            if (element.ValueKind != JsonValueKind.Object)
            {
                fields.Fail("$", "each event must be a JSON object");
                continue;
            }
            if (!fields.HasReadableNames())
            {
                continue;
            }
            fields.EventId = fields.Id("eventId");
            var type = fields.OneOf("type", knownTypes);
            fields.Type = type;
            var parsed = type is null ? null : parseEvent(type, fields);
            fields.RefuseMalformedValues();
            if (parsed is not null && !fields.HasErrors)
            {
                events.Add(parsed);
            }
        }

        if (index == 0)
        {
            errors.Add(new IngestError(-1, null, null, "$", "the batch must hold 1 to 5,000 events"));
        }
        return new(errors.Count == 0 ? events : [], errors);
    }
}

public sealed record EventBatchResult<T>(IReadOnlyList<T> Events, IReadOnlyList<IngestError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
