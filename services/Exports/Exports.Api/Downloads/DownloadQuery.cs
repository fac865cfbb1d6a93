using Microsoft.AspNetCore.Mvc;

namespace ExecutiveDashboard.Exports.Downloads;

/// <summary>The query string of <c>GET /api/exports/dashboard</c>, bound as it is sent: every value is checked by
/// <see cref="DashboardDownload"/>, which records it in the audit whatever it is.</summary>
public sealed record DownloadQuery(
    [FromQuery(Name = "workspace_id")] string? WorkspaceId,
    [FromQuery(Name = "timeframe")] string? Timeframe,
    [FromQuery(Name = "format")] string? Format,
    [FromQuery(Name = "asOf")] string? AsOf,
    [FromQuery(Name = "cards")] string? Cards,
    [FromQuery(Name = "tz")] string? Tz = null,
    [FromQuery(Name = "weekStart")] string? WeekStart = null);
