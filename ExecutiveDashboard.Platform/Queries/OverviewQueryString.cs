using Microsoft.AspNetCore.Mvc;

namespace ExecutiveDashboard.Platform.Queries;

/// <summary>The query string of every dashboard read, bound as it is sent. <c>start</c> only matters for
/// <c>all</c>: the gateway passes the earliest event over every service, so that all sections share one period. It is the
/// gateway's to set: the gateway refuses it from outside, and the services hold it to the same bounds as asOf. <c>tz</c> and
/// <c>weekStart</c> are the reader's (<see cref="ExecutiveDashboard.Contracts.Metrics.ReaderCalendar"/>).</summary>
public sealed record OverviewQueryString(
    [FromQuery(Name = "workspace_id")] string? WorkspaceId,
    [FromQuery(Name = "timeframe")] string? Timeframe,
    [FromQuery(Name = "asOf")] string? AsOf,
    [FromQuery(Name = OverviewQueryString.StartParameter)] string? Start = null,
    [FromQuery(Name = "tz")] string? Tz = null,
    [FromQuery(Name = "weekStart")] string? WeekStart = null)
{
    public const string StartParameter = "start";
}
