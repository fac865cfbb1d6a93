using System.Globalization;
using System.Text.Json;

namespace ExecutiveDashboard.Contracts.Ingest;

/// <summary>Reads the fields of one event of a batch, recording every problem instead of throwing,
/// so that one answer can name each bad field of each bad event.</summary>
public sealed class EventFields(JsonElement element, int index, List<IngestError> errors)
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 256;

    private int _errorCount;

    public int Index => index;

    public string? EventId { get; internal set; }

    public string? Type { get; internal set; }

    public bool HasErrors => _errorCount > 0;

    public void Fail(string field, string message)
    {
        _errorCount++;
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

    /// <summary>Required free text of 1–256 characters, stored as given.</summary>
    public string? Text(string field) => ReadText(field, required: true);

    public string? OptionalText(string field) => ReadText(field, required: false);

    /// <summary>An ISO 8601 timestamp with an offset, returned as UTC.</summary>
    public DateTime Timestamp(string field)
    {
        if (String(field, required: true) is not { } raw)
        {
            return default;
        }
        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            || !HasOffset(raw))
        {
            Fail(field, $"'{raw}' is not an ISO 8601 timestamp with an offset (e.g. 2026-11-02T09:00:00Z)");
            return default;
        }
        return value.UtcDateTime;
    }

    public DateTime? OptionalTimestamp(string field) =>
        IsAbsent(field) ? null : Timestamp(field);

    /// <summary>A required number that is not negative.</summary>
    public decimal NonNegativeNumber(string field)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Fail(field, "is required");
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Fail(field, $"must be a number, not {Describe(value)}");
            return 0;
        }
        if (number < 0)
        {
            Fail(field, $"must not be negative (got {number.ToString(CultureInfo.InvariantCulture)})");
            return 0;
        }
        return number;
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
            Fail(field, $"'{raw}' is not one of {string.Join(", ", allowed)}");
            return null;
        }
        return raw;
    }

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
        return raw;
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
        return value.GetString();
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
