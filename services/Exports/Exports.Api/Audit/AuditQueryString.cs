using System.Globalization;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.Platform.Queries;
using Microsoft.AspNetCore.Mvc;

namespace ExecutiveDashboard.Exports.Audit;

/// <summary>The query string of <c>GET /api/exports/audit</c>, bound as it is sent (so that no value fails binding) and
/// validated by <see cref="Parse"/>. An empty value is refused like any other that is not one the parameter takes.</summary>
public sealed record AuditQueryString(
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "subject")] string? Subject,
    [FromQuery(Name = "outcome")] string? Outcome,
    [FromQuery(Name = "workspace_id")] string? WorkspaceId,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Values are never repeated in the errors: they may be anything a client sent, of any length.</summary>
    /// <returns>The query, or the errors by parameter.</returns>
    public (AuditQuery? Query, Dictionary<string, string[]> Errors) Parse(DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        DateTime? from = From is null ? null : OverviewRequest.ParseTime("from", From, now, errors);
        DateTime? to = To is null ? null : OverviewRequest.ParseTime("to", To, now, errors);
        if (from is { } start && to is { } end && end <= start && !errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            errors["to"] = ["must be later than from"];
        }
        if (Subject is not null && (Subject.Length is 0 or > AuditText.MaxLength || !Bounds.IsCleanText(Subject)))
        {
            errors["subject"] = [$"must be a token subject (sub): 1–{AuditText.MaxLength} characters, no control characters"];
        }
        if (Outcome is not null && !ExportOutcome.All.Contains(Outcome))
        {
            errors["outcome"] = [$"must be one of {string.Join(", ", ExportOutcome.All)}"];
        }
        if (WorkspaceId is not null && !Scopes.IsValid(WorkspaceId))
        {
            errors["workspace_id"] = [Scopes.Rule];
        }
        var limit = DefaultLimit;
        if (Limit is not null && !(int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            errors["limit"] = [$"must be a whole number from 1 to {MaxLimit} (default {DefaultLimit})"];
        }
        var before = Cursor is null ? null : AuditCursor.Parse(Cursor);
        if (Cursor is not null && before is null)
        {
            errors["cursor"] = ["must be the next of a previous page, as it was given"];
        }
        return errors.Count > 0
            ? (null, errors)
            : (new AuditQuery(from, to, Subject, Outcome, WorkspaceId, limit, before), errors);
    }
}
