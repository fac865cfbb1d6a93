using ExecutiveDashboard.Gateway.Realtime;
using ExecutiveDashboard.ServiceDefaults;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Gateway.Apis;

public static class LiveApi
{
    /// <summary><c>GET /ws</c> (docs/realtime.md): the token is checked before the upgrade, so an unauthenticated
    /// or non-dashboard caller gets a 401/403 problem and never a socket.</summary>
    public static IEndpointRouteBuilder MapLiveApi(this IEndpointRouteBuilder app)
    {
        // GET for HTTP/1.1 upgrades, CONNECT for WebSockets over HTTP/2 (what browsers use over TLS when they can).
        app.MapMethods("/ws", [HttpMethods.Get, HttpMethods.Connect], ConnectAsync)
            .RequireAuthorization(Roles.DashboardPolicy)
            .WithName("LiveUpdates")
            .WithSummary("WebSocket of metrics_update and activity frames for one workspace or all")
            .WithDescription("Browsers send the token as ?access_token=…, as they cannot set headers on a WebSocket (docs/realtime.md).")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("Real time");
        return app;
    }

    private static async Task ConnectAsync(HttpContext context, LiveHub hub)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "WebSocket required",
                "GET /ws upgrades to a WebSocket; then send {\"subscribe\": \"<workspace id>\"} or {\"subscribe\": \"all\"}.");
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await hub.ServeAsync(socket, context.User, context.RequestAborted);
    }
}
