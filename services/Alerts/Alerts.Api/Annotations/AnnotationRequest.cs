using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Queries;

namespace ExecutiveDashboard.Alerts.Annotations;

/// <summary>
/// Reads the body of <c>POST /api/annotations</c>: <c>{ "at": time, "scope": id or "all", "kind": …, "text": … }</c>. Every
/// field is required and every bad one is named in the one problem; other properties are ignored. <c>at</c> follows the
/// rule of every time the API takes (ISO 8601 with an offset, within <see cref="Bounds"/>); the text is 1–500 characters,
/// not blank, without any control character (a tab included: it is one line in a tooltip and in the PDF's list).
/// </summary>
public static class AnnotationRequest
{
    /// <summary>500 characters of text take at most 2 KB as UTF-8 and 3 KB as JSON escapes; anything much larger is not an annotation.</summary>
    public const int MaxBytes = 8 * 1024;

    public static (NewAnnotation? Annotation, Dictionary<string, string[]> Errors) Parse(JsonElement root, DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["the body must be a JSON object { \"at\": time, \"scope\": workspace id or 'all', \"kind\": …, \"text\": … }"];
            return (null, errors);
        }

        var at = String(root, "at") is { } time ? OverviewRequest.ParseTime("at", time, now, errors) : Missing(errors, "at",
            "required: an ISO 8601 time with an offset, e.g. 2026-11-29T12:00:00Z");
        var scope = String(root, "scope");
        if (!Scopes.IsValid(scope))
        {
            errors["scope"] = [Scopes.Rule];
        }
        var kind = String(root, "kind");
        if (kind is null || !AnnotationKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            errors["kind"] = [$"must be one of {string.Join(", ", AnnotationKinds.All)}"];
        }
        var text = String(root, "text");
        if (!IsValidText(text))
        {
            errors["text"] = [$"must be 1–{AnnotationKinds.MaxTextLength} characters, not blank, without control characters"];
        }
        // To the millisecond, as asOf is taken: the answer then states the time exactly as it is stored and read back.
        return errors.Count > 0 ? (null, errors) : (new NewAnnotation(OverviewRequest.ToMillisecond(at), scope!, kind!, text!), errors);
    }

    public static bool IsValidText(string? text) =>
        text is { Length: > 0 and <= AnnotationKinds.MaxTextLength } && !string.IsNullOrWhiteSpace(text)
        && Bounds.IsCleanText(text) && !text.Contains('\t');

    /// <summary>A string property, or null when it is missing, not a string, or not text (a lone surrogate escape such as
    /// <c>\ud800</c>, on which <see cref="JsonElement.GetString"/> throws).</summary>
    private static string? String(JsonElement root, string name)
    {
        try
        {
            return root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static DateTime Missing(Dictionary<string, string[]> errors, string name, string message)
    {
        errors[name] = [message];
        return default;
    }
}
