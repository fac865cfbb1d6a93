using ExecutiveDashboard.Gateway.Overview;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.ServiceDefaults.Queries;

namespace ExecutiveDashboard.Gateway.Apis;

public static class OverviewApi
{
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/executive/overview", GetOverview)
            .RequireAuthorization(Roles.DashboardPolicy)
            .WithTags("Overview")
            .WithName("GetExecutiveOverview")
            .WithSummary("The whole dashboard for a scope (workspace id or 'all'), a timeframe and an optional asOf");
        return app;
    }

    public static async Task<IResult> GetOverview(
        HttpContext context, OverviewComposer composer, TimeProvider clock,
        [AsParameters] OverviewQueryString q, CancellationToken cancellationToken)
    {
        var (request, refusal) = OverviewRequest.From(q.WorkspaceId, q.Timeframe, q.AsOf, context.User, clock);
        if (request is null)
        {
            return refusal!;
        }
        return TypedResults.Ok(await composer.ComposeAsync(request, context.Request.Headers.Authorization, cancellationToken));
    }
}
