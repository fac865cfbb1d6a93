using System.Globalization;
using System.Security.Claims;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Platform.Queries;

/// <summary>The query every dashboard read takes: <c>workspace_id</c> (an id or <c>all</c>),
/// <c>timeframe</c> (default 7d), <c>asOf</c> (ISO 8601 with an offset; default now; taken to the millisecond) and, for <c>all</c>,
/// an optional <c>start</c> earlier than the service's own earliest event, and the reader's optional <c>tz</c> (an IANA id) and
/// <c>weekStart</c> (<c>monday</c> … <c>sunday</c>, default monday) that place the trend buckets' edges. Times lie within <see cref="Bounds"/>, as event
/// times do: an asOf of year 1 or 9999 would overflow the windows before it, and a start of year 1 would make a read
/// walk a hundred thousand weekly buckets.</summary>
public sealed record OverviewRequest(string Scope, Timeframe Timeframe, DateTime AsOf, DateTime? AllStart = null,
    ReaderCalendar? Calendar = null)
{
    /// <summary>The reader's zone and week start; <see cref="ReaderCalendar.Default"/> when the query named neither.</summary>
    public ReaderCalendar Reader => Calendar ?? ReaderCalendar.Default;

    /// <summary>The period this request reads, with <paramref name="allStart"/> the start of <c>all</c>.</summary>
    public ReportingPeriod Period(DateTime? allStart) => ReportingPeriod.For(Timeframe, AsOf, allStart, Reader);

    /// <summary>The start of <c>all</c>: the earlier of this service's earliest event and <see cref="AllStart"/>.</summary>
    public DateTime? EarliestOf(DateTime? ownEarliest) =>
        (ownEarliest, AllStart) switch
        {
            (null, var given) => given,
            (var own, null) => own,
            (var own, var given) => own < given ? own : given,
        };

    public static (OverviewRequest? Request, IResult? Refusal) From(OverviewQueryString query, ClaimsPrincipal user, TimeProvider clock) =>
        From(query.WorkspaceId, query.Timeframe, query.AsOf, user, clock, query.Start, query.Tz, query.WeekStart);

    public const string DefaultTimeframe = "7d";

    /// <returns>The request, or the 400 or 403 problem that refuses it.</returns>
    public static (OverviewRequest? Request, IResult? Refusal) From(
        string? workspaceId, string? timeframe, string? asOf, ClaimsPrincipal user, TimeProvider clock, string? start = null,
        string? tz = null, string? weekStart = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(workspaceId))
        {
            errors["workspace_id"] = ["is required: a workspace id, or 'all' for the whole platform"];
        }
        else if (!Scopes.IsValid(workspaceId))
        {
            errors["workspace_id"] = [Scopes.Rule];
        }
        if (!Timeframes.TryParse(timeframe ?? DefaultTimeframe, out var parsedTimeframe))
        {
            errors["timeframe"] = [$"must be one of {Timeframes.Allowed}"];
        }

        var at = asOf is null ? now : ParseTime("asOf", asOf, now, errors);
        DateTime? allStart = start is null ? null : ParseTime("start", start, now, errors);
        var calendar = ParseCalendar(tz, weekStart, errors);

        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors, title: "Invalid dashboard query"));
        }
        if (!user.CanSee(workspaceId!))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
                detail: workspaceId == Scopes.Platform
                    ? "The whole platform ('all') needs a token with workspaces '*'."
                    : $"The token does not grant workspace '{workspaceId}'."));
        }
        return (new OverviewRequest(workspaceId!, parsedTimeframe, ToMillisecond(at), allStart, calendar), null);
    }

    /// <summary>The reader's <c>tz</c> and <c>weekStart</c>; null when neither is given. Values are not repeated in the
    /// problem: they may be anything a client sent.</summary>
    public static ReaderCalendar? ParseCalendar(string? tz, string? weekStart, Dictionary<string, string[]> errors)
    {
        var zone = ReaderCalendar.ZoneOrNull(tz);
        if (tz is not null && zone is null)
        {
            errors["tz"] = [ReaderCalendar.ZoneRule];
        }
        var day = WeekStarts.Default;
        if (weekStart is not null && !WeekStarts.TryParse(weekStart, out day))
        {
            errors["weekStart"] = [$"must be one of {WeekStarts.Allowed}"];
        }
        return tz is null && weekStart is null ? null : new ReaderCalendar(zone, day);
    }

    /// <summary>"Now" as a read without asOf states it: to the second, so that readers of the same second share one cached
    /// answer; rounded up, so that an event of this second (timestamps often carry whole seconds) is in the answer the
    /// moment it is accepted, rather than missing from every read until the next second.</summary>
    public static DateTime NowToTheSecond(DateTime now)
    {
        var ceiling = now.AddTicks(TimeSpan.TicksPerSecond - 1);
        return ceiling.AddTicks(-(ceiling.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>To the millisecond, as browsers and JSON clients state times: every window bound is then a whole millisecond.</summary>
    public static DateTime ToMillisecond(DateTime at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    /// <summary>An ISO 8601 time that states its offset (<c>Z</c> or ±hh:mm), within <see cref="Bounds"/>, as UTC; the
    /// rule of every time a query takes (also the exports audit's <c>from</c> and <c>to</c>). The value is not repeated in
    /// the problem: it may be anything a client sent, of any length.</summary>
    public static DateTime ParseTime(string name, string value, DateTime now, Dictionary<string, string[]> errors)
    {
        var time = value.IndexOf('T') is var t and >= 0 ? value[t..] : "";
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || !(time.EndsWith('Z') || time.EndsWith('z') || time.Contains('+') || time.Contains('-')))
        {
            errors[name] = ["is not an ISO 8601 time with an offset, e.g. 2026-11-29T12:00:00Z"];
            return default;
        }
        var utc = DateTime.SpecifyKind(parsed.UtcDateTime, DateTimeKind.Utc);
        if (!Bounds.IsWithin(utc, now))
        {
            errors[name] = [Bounds.TimeRange(now)];
            return default;
        }
        return utc;
    }
}
