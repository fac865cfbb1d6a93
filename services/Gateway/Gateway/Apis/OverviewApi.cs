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
        HttpContext context, OverviewComposer composer, OverviewCache cache, TimeProvider clock,
        [AsParameters] OverviewQueryString q, CancellationToken cancellationToken)
    {
        var (request, refusal) = OverviewRequest.From(q, context.User, clock);
        if (request is null)
        {
            return refusal!;
        }
        if (q.AsOf is null)
        {
            // "Now" is read to the second, so that readers of the same second share one cached answer.
            request = request with { AsOf = request.AsOf.AddTicks(-(request.AsOf.Ticks % TimeSpan.TicksPerSecond)) };
        }

        var (hit, version) = await cache.GetAsync(request);
        if (hit is not null)
        {
            return TypedResults.Ok(hit with { Meta = hit.Meta with { Cached = true } });
        }

        var composed = await composer.ComposeAsync(request, context.Request.Headers.Authorization, cancellationToken);
        if (composed.Complete)
        {
            await cache.SetAsync(request, version, composed.Data);
        }
        return TypedResults.Ok(composed.Data);
    }
}
