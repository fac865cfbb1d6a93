using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace ExecutiveDashboard.Contracts.Ingest;

/// <summary>Reads the fields of one event of a batch, recording every problem instead of throwing,
/// so that one answer can name each bad field of each bad event. Every value is held to <see cref="Bounds"/>,
/// times against <paramref name="now"/>, the server's clock when the batch arrived.</summary>
public sealed class EventFields(JsonElement element, int index, List<IngestError> errors, DateTime now)
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 256;

    /// <summary>How much of a refused value a message quotes: enough to recognise it, never all of a huge string.</summary>
    private const int MaxQuotedLength = 64;

    private const string NotText = "is not valid text: invalid UTF-8, or a lone surrogate escape such as \\ud800";

    private HashSet<string>? _failedFields;
    private bool? _mayHoldMalformedText;

    public int Index => index;

    public string? EventId { get; internal set; }

    public string? Type { get; internal set; }

    public bool HasErrors => _failedFields is not null;

    public void Fail(string field, string message)
    {
        (_failedFields ??= []).Add(field);
        errors.Add(new IngestError(index, EventId, Type, field, message));
    }

    /// <summary>A required id: 1–128 letters, digits or <c>-_.:@</c>.</summary>
    public string? Id(string field) => ReadId(field, required: true);

    /// <summary>A workspace id; <c>all</c> is refused, as it names the whole platform in every read.</summary>
    public string? WorkspaceId(string field = "workspaceId")
    {
        var id = Id(field);
        if (id == Metrics.Scopes.Platform)
        {
            Fail(field, $"'{id}' is reserved for the whole platform");
            return null;
        }
        return id;
    }

    public string? OptionalId(string field) => ReadId(field, required: false);

    /// <summary>Required free text of 1–256 characters, clean as <see cref="Bounds.IsCleanText"/> says, stored as given.</summary>
    public string? Text(string field) => ReadText(field, required: true);

    public string? OptionalText(string field) => ReadText(field, required: false);

    /// <summary>An ISO 8601 timestamp with an offset, returned as UTC, from <see cref="Bounds.EarliestTime"/> to
    /// <see cref="Bounds.LatestTime"/> of now.</summary>
    public DateTime Timestamp(string field)
    {
        var (value, raw) = ReadTimestamp(field);
        if (raw is not null && !Bounds.IsWithin(value, now))
        {
            Fail(field, $"{Bounds.TimeRange(now)} (got {Quote(raw)})");
            return default;
        }
        return value;
    }

    public DateTime? OptionalTimestamp(string field) =>
        IsAbsent(field) ? null : Timestamp(field);

    /// <summary>A time an event sets ahead of itself (a trial's end), which may lie past now: the event holds it to its
    /// own time instead (<see cref="Bounds.MaxTrialLength"/>).</summary>
    public DateTime ScheduledTimestamp(string field) => ReadTimestamp(field).Value;

    /// <summary>A required number from 0 to <paramref name="max"/> (<see cref="Bounds.MaxCredits"/>,
    /// <see cref="Bounds.MaxAmount"/>), kept to <see cref="Bounds.Decimals"/> decimals.</summary>
    public decimal Number(string field, decimal max)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Fail(field, "is required");
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            Fail(field, $"must be a number, not {Describe(value)}");
            return 0;
        }
        // A number beyond decimal's range (1e30, 1e400) is as much out of bounds as 1e15.
        if (!value.TryGetDecimal(out var number) || number < 0 || number > max)
        {
            Fail(field, $"must be a number from 0 to {max.ToString("N0", CultureInfo.InvariantCulture)} (got {Quote(value.GetRawText())})");
            return 0;
        }
        return Math.Round(number, Bounds.Decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>A required string from a closed list.</summary>
    public string? OneOf(string field, params string[] allowed)
    {
        if (String(field, required: true) is not { } raw)
        {
            return null;
        }
        if (Array.IndexOf(allowed, raw) < 0)
        {
            Fail(field, $"{Quote(raw)} is not one of {string.Join(", ", allowed)}");
            return null;
        }
        return raw;
    }

    /// <summary>Whether every property name can be read; if not, the event is refused, and no field may be looked up:
    /// a lookup decodes escaped names and would throw on a lone surrogate.</summary>
    internal bool HasReadableNames()
    {
        if (!MayHoldMalformedText || element.EnumerateObject().All(IsDecodable))
        {
            return true;
        }
        Fail("$", "a property name " + NotText);
        return false;
    }

    /// <summary>Refuses the event if a field that no reader looked at holds text that is not valid: the body as a whole
    /// must be UTF-8 (docs/events.md), and a field read as text has already been checked (<see cref="String"/>).</summary>
    internal void RefuseMalformedValues()
    {
        if (!MayHoldMalformedText)
        {
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (_failedFields?.Contains(property.Name) != true && !IsDecodable(property.Value))
            {
                // An unknown field's name is the client's free text: only a name that is also an id is echoed as a key.
                Fail(IsValidId(property.Name) ? property.Name : "$", NotText);
            }
        }
    }

    /// <summary>Only invalid bytes or an escape can make a string undecodable; most events have neither.</summary>
    private bool MayHoldMalformedText => _mayHoldMalformedText ??=
        JsonMarshal.GetRawUtf8Value(element) is var raw && (!Utf8.IsValid(raw) || raw.IndexOf("\\u"u8) >= 0);

    private string? ReadId(string field, bool required)
    {
        if (String(field, required) is not { } raw)
        {
            return null;
        }
        if (!IsValidId(raw))
        {
            Fail(field, $"must be 1–{MaxIdLength} letters, digits or -_.:@");
            return null;
        }
        return raw;
    }

    private string? ReadText(string field, bool required)
    {
        if (String(field, required) is not { } raw)
        {
            return null;
        }
        if (raw.Length == 0)
        {
            // An empty optional text is no text; an empty required one is missing.
            if (required)
            {
                Fail(field, "must not be empty");
            }
            return null;
        }
        if (raw.Length > MaxTextLength)
        {
            Fail(field, $"must be at most {MaxTextLength} characters");
            return null;
        }
        if (!Bounds.IsCleanText(raw))
        {
            Fail(field, "must not hold control characters (tab excepted)");
            return null;
        }
        return raw;
    }

    private (DateTime Value, string? Raw) ReadTimestamp(string field)
    {
        if (String(field, required: true) is not { } raw)
        {
            return (default, null);
        }
        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            || !HasOffset(raw))
        {
            Fail(field, $"{Quote(raw)} is not an ISO 8601 timestamp with an offset (e.g. 2026-11-02T09:00:00Z)");
            return (default, null);
        }
        return (value.UtcDateTime, raw);
    }

    private string? String(string field, bool required)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(field, "is required");
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(field, $"must be a string, not {Describe(value)}");
            return null;
        }
        if (!TryGetString(value, out var text))
        {
            Fail(field, NotText);
            return null;
        }
        return text;
    }

    /// <summary>System.Text.Json parses invalid UTF-8 inside a string and a lone surrogate escape, and throws only when
    /// the string is decoded.</summary>
    private static bool TryGetString(JsonElement value, out string? text)
    {
        try
        {
            text = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private static bool IsDecodable(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsDecodable(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => TryGetString(value, out _),
        JsonValueKind.Object => value.EnumerateObject().All(p => IsDecodable(p) && IsDecodable(p.Value)),
        JsonValueKind.Array => value.EnumerateArray().All(IsDecodable),
        _ => true,
    };

    private static string Quote(string raw)
    {
        if (raw.Length <= MaxQuotedLength)
        {
            return $"'{raw}'";
        }
        // Never cut a surrogate pair in two: half of one cannot be written as JSON.
        var cut = char.IsHighSurrogate(raw[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
        return $"'{raw[..cut]}…' ({raw.Length:N0} characters)";
    }

    private bool IsAbsent(string field) =>
        !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null;

    public static bool IsValidId(string value)
    {
        if (value.Length is 0 or > MaxIdLength)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasOffset(string raw)
    {
        var timeStart = raw.IndexOf('T');
        if (timeStart < 0)
        {
            return false;
        }
        var time = raw.AsSpan(timeStart);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') > 0;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
