using System.Text.Json;
using ExecutiveDashboard.Users.Model;

namespace ExecutiveDashboard.Users.Layouts;

/// <summary>
/// Reads the body of <c>PUT /api/users/me/layout</c>: <c>{ "cards": [ { "id": "dau", "visible": true }, … ] }</c>.
/// Ids the service does not know are kept (the page, not this service, owns the catalogue of cards); other
/// properties are ignored. Errors name the field as the ingest problems do (<c>cards[3].id</c>).
/// </summary>
public static class CardLayoutRequest
{
    public const int MaxCards = 50;
    public const int MaxIdLength = 40;

    /// <summary>50 cards of 40-character ids are under 4 KiB; anything much larger is not a layout.</summary>
    public const int MaxBytes = 16 * 1024;

    private const int MaxErrors = 20;

    public static (IReadOnlyList<CardPlacement>? Cards, Dictionary<string, string[]> Errors) Parse(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["the body must be a JSON object { \"cards\": [ { \"id\": …, \"visible\": … }, … ] }"];
            return (null, errors);
        }
        if (!root.TryGetProperty("cards", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors["cards"] = ["required: an array of { \"id\": string, \"visible\": boolean }"];
            return (null, errors);
        }
        if (list.GetArrayLength() > MaxCards)
        {
            errors["cards"] = [$"at most {MaxCards} cards, not {list.GetArrayLength()}"];
            return (null, errors);
        }

        var cards = new List<CardPlacement>(list.GetArrayLength());
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (errors.Count >= MaxErrors)
            {
                break;
            }
            var at = $"cards[{i}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors[at] = ["must be an object { \"id\": string, \"visible\": boolean }"];
                i++;
                continue;
            }

            string? id = null;
            if (!item.TryGetProperty("id", out var idValue) || idValue.ValueKind != JsonValueKind.String
                || !IsValidId(idValue.GetString()!))
            {
                errors[$"{at}.id"] = [$"must be a string of 1–{MaxIdLength} letters, digits, '-', '_' or '.'"];
            }
            else if (firstIndexOf.TryGetValue(idValue.GetString()!, out var first))
            {
                errors[$"{at}.id"] = [$"'{idValue.GetString()}' is already cards[{first}]: each card appears once"];
            }
            else
            {
                id = idValue.GetString()!;
                firstIndexOf[id] = i;
            }

            bool? visible = item.TryGetProperty("visible", out var visibleValue) ? visibleValue.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            } : null;
            if (visible is null)
            {
                errors[$"{at}.visible"] = ["required: true or false"];
            }

            if (id is not null && visible is { } shown)
            {
                cards.Add(new CardPlacement(id, shown));
            }
            i++;
        }
        return errors.Count > 0 ? (null, errors) : (cards, errors);
    }

    public static bool IsValidId(string value)
    {
        if (value.Length is 0 or > MaxIdLength)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }
        return true;
    }
}
