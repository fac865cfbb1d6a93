using System.Globalization;
using System.Threading.RateLimiting;
using ExecutiveDashboard.ServiceDefaults;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace ExecutiveDashboard.Gateway.Extensions;

public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per second allowed to one token (or, without a token, one address).</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>How many requests one caller may send at once above the sustained rate.</summary>
    public int Burst { get; set; } = 200;
}

/// <summary>Per-token rate limiting of the API (events.md, Auth): a token bucket per caller, and a
/// 429 problem with <c>Retry-After</c> once it is empty. Health probes are never limited.</summary>
public static class RateLimiting
{
    public static IHostApplicationBuilder AddApiRateLimiting(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimiting").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/ws")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.PermitsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            options.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This token sent more than {limits.PermitsPerSecond} requests per second; retry after {seconds} s.");
            };
        });
        return builder;
    }

    private static string CallerOf(HttpContext context) =>
        context.User.FindFirst(Roles.SubjectClaim)?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + context.Connection.RemoteIpAddress;
}
