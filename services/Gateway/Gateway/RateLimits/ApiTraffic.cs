using ExecutiveDashboard.Gateway.Overview;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Gateway.RateLimits;

/// <summary>What the gateway's limits see of a request: its kind, and whose it is: the subject of a valid token, or
/// null (no token, or one that did not validate). It is read after authentication, which only sets the user, and
/// before authorization refuses anyone.</summary>
public readonly record struct ApiTraffic(TrafficKind Kind, string? Subject)
{
    private static readonly PathString[] IngestPaths =
        [.. new[] { DashboardServices.Users, DashboardServices.Executions, DashboardServices.Billing }.Select(s => new PathString($"/api/{s}/events"))];

    public static ApiTraffic Of(HttpContext context)
    {
        var request = context.Request;
        var subject = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(Roles.SubjectClaim)?.Value : null;
        if (request.Path.StartsWithSegments("/ws"))
        {
            return new ApiTraffic(TrafficKind.LiveSocket, subject);
        }
        if (!request.Path.StartsWithSegments("/api"))
        {
            return new ApiTraffic(TrafficKind.Unlimited, subject);
        }
        return new ApiTraffic(HttpMethods.IsPost(request.Method) && IsIngest(request.Path) ? TrafficKind.IngestBatch : TrafficKind.Request, subject);
    }

    // Routing ignores case and a trailing slash, so the limits do too.
    private static bool IsIngest(PathString path)
    {
        var value = path.Value!.TrimEnd('/');
        return IngestPaths.Any(ingest => string.Equals(value, ingest.Value, StringComparison.OrdinalIgnoreCase));
    }
}
