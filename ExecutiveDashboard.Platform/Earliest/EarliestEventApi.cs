using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace ExecutiveDashboard.Platform.Earliest;

/// <summary>
/// <c>GET /api/{service}/earliest?workspace_id=…</c>: where the timeframe <c>all</c> starts in this
/// service. Every service keeps its earliest event per scope (<see cref="ScopeBounds"/>), so the gateway can give
/// every section the same start.
/// </summary>
public static class EarliestEventApi
{
    public static RouteGroupBuilder MapEarliestEvent(this RouteGroupBuilder api)
    {
        api.MapGet("/earliest", GetEarliest)
            .RequireAuthorization(Roles.DashboardPolicy)
            .Produces<EarliestEvent>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetEarliestEvent")
            .WithSummary("The earliest event of a scope: where the timeframe 'all' starts");
        return api;
    }

    public static async Task<IResult> GetEarliest(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock,
        [AsParameters] OverviewQueryString q, CancellationToken cancellationToken)
    {
        var (request, refusal) = OverviewRequest.From(q, context.User, clock);
        return request is null ? refusal! : TypedResults.Ok(new EarliestEvent(await ScopeBounds.ReadAsync(dataSource, request.Scope, cancellationToken)));
    }
}
