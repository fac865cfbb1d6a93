using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;

namespace ExecutiveDashboard.Gateway.RateLimits;

/// <summary>
/// Fail2ban for the API. Each request without a valid token that is refused (401 or 403) spends one unit of its
/// address's <see cref="RateLimitOptions.FailureBudget"/>; once it is spent, that address's requests without a valid
/// token get a 429 before authorization looks at them, until <see cref="RateLimitOptions.FailuresPerMinute"/> brings
/// units back. A flood of forged or expired tokens is cut off after the budget, not after a whole rate bucket.
/// Requests with a valid token never stop here: people who share the address (an office, a NAT) keep working, and
/// a token cannot be guessed, so they are limited by their subject instead.
/// </summary>
public sealed class FailedAuthBudget : IMiddleware, IDisposable
{
    public const string MeterName = "ExecutiveDashboard.Gateway.RateLimits";

    private readonly PartitionedRateLimiter<string> _budgets;
    private readonly TimeSpan _unitComesBack;
    private readonly Counter<long> _refused;
    private readonly ILogger<FailedAuthBudget> _logger;

    public FailedAuthBudget(RateLimitOptions limits, IMeterFactory meters, ILogger<FailedAuthBudget> logger)
    {
        _unitComesBack = TimeSpan.FromMinutes(1) / limits.FailuresPerMinute;
        _budgets = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.FailureBudget,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = _unitComesBack,
                QueueLimit = 0,
                AutoReplenishment = false, // the partitioned limiter replenishes every partition on one timer
            }));
        _refused = meters.Create(MeterName).CreateCounter<long>("dashboard.gateway.failure_budget.refused",
            description: "Requests without a valid token refused because their address had spent its failure budget.");
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var traffic = ApiTraffic.Of(context);
        if (traffic.Kind == TrafficKind.Unlimited || traffic.Subject is not null)
        {
            await next(context);
            return;
        }

        var address = ClientAddress.Of(context);
        // Whole units only: the bucket refills in fractions, and a fraction would let in a request that could then
        // not be charged for its refusal.
        if (_budgets.GetStatistics(address)?.CurrentAvailablePermits < 1)
        {
            _refused.Add(1);
            await TooManyRequests.WriteAsync(context, _unitComesBack,
                "Too many requests from this address were refused for want of a valid token");
            return;
        }

        await next(context);

        if (context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            _budgets.AttemptAcquire(address).Dispose();
            if (_budgets.GetStatistics(address)?.CurrentAvailablePermits == 0)
            {
                _logger.LogWarning("{Address} spent its failure budget: its requests without a valid token get 429s for now", address);
            }
        }
    }

    public void Dispose() => _budgets.Dispose();
}
