using ExecutiveDashboard.Platform.Queries;

namespace ExecutiveDashboard.Gateway.Extensions;

/// <summary>
/// <c>start</c> is how the gateway tells each service where the timeframe <c>all</c> begins (the earliest event over
/// every service), so that every section shares one period. It is never a caller's to choose: on the gateway's overview
/// it would set the period and a cache key of its own, and on the proxied service routes a reader of one workspace could
/// ask for decades of weekly buckets. A request that names it is refused, whatever its value; the gateway's own calls to
/// the services do not pass through here.
/// </summary>
public static class GatewayOnlyParameters
{
    public static IApplicationBuilder RefuseGatewayOnlyParameters(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Query.ContainsKey(OverviewQueryString.StartParameter))
        {
            await TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [OverviewQueryString.StartParameter] = ["is set by the gateway itself (the earliest event of the scope); leave it out"],
            }, title: "Parameter not accepted").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
