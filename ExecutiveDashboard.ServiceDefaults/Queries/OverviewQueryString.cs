using Microsoft.AspNetCore.Mvc;

namespace ExecutiveDashboard.ServiceDefaults.Queries;

/// <summary>The query string of every dashboard read, bound as it is sent.</summary>
public sealed record OverviewQueryString(
    [FromQuery(Name = "workspace_id")] string? WorkspaceId,
    [FromQuery(Name = "timeframe")] string? Timeframe,
    [FromQuery(Name = "asOf")] string? AsOf);
