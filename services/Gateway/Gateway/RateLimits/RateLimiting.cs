using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ExecutiveDashboard.Gateway.RateLimits;

/// <summary>
/// The gateway's limits (docs/events.md, Auth; docs/security.md, Rate limits), for everything under <c>/api</c> and
/// <c>/ws</c>. They run after authentication and before authorization, so refused requests are limited too:
/// <list type="bullet">
/// <item>a token bucket per token subject, or per address for requests without a valid token (stricter);</item>
/// <item>the address's failure budget (<see cref="FailedAuthBudget"/>);</item>
/// <item>ingest batches: a bucket of their own per subject and a cap on those in flight, so that one tenant's volume
/// cannot take all of the ingest capacity;</item>
/// <item>open WebSockets per subject: the lease of <c>/ws</c> lasts as long as its socket.</item>
/// </list>
/// A refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
public static class RateLimiting
{
    // When to come back after a cap's refusal: a batch in flight is stored within a second or so; a socket may stay
    // open for hours, so a page that polls for a slot should not do it every second.
    private static readonly TimeSpan BatchSlotFrees = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SocketSlotFrees = TimeSpan.FromSeconds(5);

    public static IHostApplicationBuilder AddApiRateLimiting(this IHostApplicationBuilder builder)
    {
        var limits = RateLimitOptions.From(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<FailedAuthBudget>();
        builder.AddTrustedProxies(limits);
        builder.Services.AddRateLimiter(options =>
        {
            // The caps first: a request refused by a bucket then gives its slot back, whereas a bucket keeps the
            // token of a request that a cap refuses.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => InFlight(ApiTraffic.Of(context), limits)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Rate(context, limits)));
            options.OnRejected = (rejected, _) => new ValueTask(RejectAsync(rejected.HttpContext, rejected.Lease, limits));
        });
        return builder;
    }

    /// <summary>Goes between authentication and authorization (<c>UseDefaultAuthentication</c>).</summary>
    public static WebApplication UseApiRateLimiting(this WebApplication app)
    {
        app.UseTrustedProxies(app.Services.GetRequiredService<RateLimitOptions>());
        app.UseMiddleware<FailedAuthBudget>();
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> InFlight(ApiTraffic traffic, RateLimitOptions limits) => traffic switch
    {
        { Subject: null } => RateLimitPartition.GetNoLimiter(""),
        { Kind: TrafficKind.IngestBatch } => Cap("ingest:" + traffic.Subject, limits.IngestBatchesInFlight),
        { Kind: TrafficKind.LiveSocket } => Cap("ws:" + traffic.Subject, limits.WebSocketsPerSubject),
        _ => RateLimitPartition.GetNoLimiter(""),
    };

    private static RateLimitPartition<string> Rate(HttpContext context, RateLimitOptions limits) => ApiTraffic.Of(context) switch
    {
        { Kind: TrafficKind.Unlimited } => RateLimitPartition.GetNoLimiter(""),
        { Subject: null } => Bucket("address:" + ClientAddress.Of(context), limits.AnonymousBurst, limits.AnonymousPermitsPerSecond),
        { Kind: TrafficKind.IngestBatch } traffic => Bucket("ingest:" + traffic.Subject, limits.IngestBurst, limits.IngestBatchesPerSecond),
        var traffic => Bucket("token:" + traffic.Subject, limits.Burst, limits.PermitsPerSecond),
    };

    private static RateLimitPartition<string> Cap(string key, int permits) =>
        RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 });

    private static RateLimitPartition<string> Bucket(string key, int burst, int perSecond) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = false, // the partitioned limiter replenishes every partition on one timer
        });

    private static Task RejectAsync(HttpContext context, RateLimitLease refusal, RateLimitOptions limits)
    {
        var traffic = ApiTraffic.Of(context);
        // Only the buckets know when a permit comes back: a refusal without Retry-After is a cap's.
        var capped = !refusal.TryGetMetadata(MetadataName.RetryAfter, out var bucketSays);
        var reason = (traffic, capped) switch
        {
            ({ Subject: null }, _) => $"This address sent more than {limits.AnonymousPermitsPerSecond} requests per second without a valid token",
            ({ Kind: TrafficKind.IngestBatch }, true) => $"This token already has {limits.IngestBatchesInFlight} ingest batches in flight",
            ({ Kind: TrafficKind.IngestBatch }, false) => $"This token sent more than {limits.IngestBatchesPerSecond} ingest batches per second",
            ({ Kind: TrafficKind.LiveSocket }, true) => $"This token already has {limits.WebSocketsPerSubject} WebSockets open on this gateway replica",
            _ => $"This token sent more than {limits.PermitsPerSecond} requests per second",
        };
        var retryAfter = !capped ? bucketSays : traffic.Kind == TrafficKind.LiveSocket ? SocketSlotFrees : BatchSlotFrees;
        return TooManyRequests.WriteAsync(context, retryAfter, reason);
    }
}
