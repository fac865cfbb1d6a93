using Microsoft.AspNetCore.Mvc;

namespace ExecutiveDashboard.ServiceDefaults.Queries;

/// <summary>The query string of every dashboard read, bound as it is sent. <c>start</c> only matters for
/// <c>all</c>: the gateway passes the earliest event over every service, so that all sections share one period.</summary>
public sealed record OverviewQueryString(
    [FromQuery(Name = "workspace_id")] string? WorkspaceId,
    [FromQuery(Name = "timeframe")] string? Timeframe,
    [FromQuery(Name = "asOf")] string? AsOf,
    [FromQuery(Name = "start")] string? Start = null);
