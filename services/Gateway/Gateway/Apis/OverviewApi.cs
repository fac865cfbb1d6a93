using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Gateway.Overview;
using ExecutiveDashboard.Gateway.Telemetry;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Gateway.Apis;

public static class OverviewApi
{
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/executive/overview", GetOverview)
            .RequireAuthorization(Roles.DashboardPolicy)
            .WithTags("Overview")
            .WithName("GetExecutiveOverview")
            .WithSummary("The whole dashboard for a scope (workspace id or 'all'), a timeframe and an optional asOf; ?sections=… for part of it")
            .WithDescription("A service that fails or is late degrades its sections (meta.degraded) instead of failing the answer; " +
                "an answer of a second already composed comes from the cache (meta.cached).")
            .Produces<ExecutiveDashboardData>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    public static async Task<IResult> GetOverview(
        HttpContext context, OverviewComposer composer, OverviewCache cache, GatewayMetrics metrics, TimeProvider clock,
        [AsParameters] OverviewQueryString q, string? sections, CancellationToken cancellationToken)
    {
        var (request, refusal) = OverviewRequest.From(q, context.User, clock);
        if (request is null)
        {
            return refusal!;
        }
        // ?sections=… (a live page's metrics_update): ask only the services feeding them.
        var asked = sections?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var only = asked.Length == 0 ? null : OverviewComposer.ServicesFeeding(asked);
        if (asked.Length > 0 && only is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["sections"] = [$"'{sections}' names a section the overview does not have; use the names of metrics_update frames"],
            });
        }
        if (q.AsOf is null)
        {
            request = request with { AsOf = OverviewRequest.NowToTheSecond(request.AsOf) };
        }

        var (hit, version) = await cache.GetAsync(request, only);
        metrics.CacheLookedUp(hit is not null);
        if (hit is not null)
        {
            return TypedResults.Ok(hit with { Meta = hit.Meta with { Cached = true } });
        }

        var composed = await composer.ComposeAsync(request, only, context.Request.Headers.Authorization, cancellationToken);
        if (composed.Complete)
        {
            await cache.SetAsync(request, only, version, composed.Data);
        }
        return TypedResults.Ok(composed.Data);
    }
}
