using System.Globalization;
using ExecutiveDashboard.ServiceDefaults;

namespace ExecutiveDashboard.Gateway.RateLimits;

/// <summary>Every refusal of the gateway's limits: a 429 problem with <c>Retry-After</c> in whole seconds.</summary>
public static class TooManyRequests
{
    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter, string reason)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"{reason}; retry after {seconds} s.");
    }
}
