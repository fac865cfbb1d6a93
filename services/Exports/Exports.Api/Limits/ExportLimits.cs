using System.Threading.RateLimiting;

namespace ExecutiveDashboard.Exports.Limits;

/// <summary>
/// At most <see cref="Concurrent"/> exports at once and <see cref="PerMinute"/> a minute per subject, so that one
/// person (or one leaked token) cannot take the service's CPU from everyone else. A refused attempt takes nothing
/// from the minute's allowance. The limits hold per replica: with two replicas a subject may at most double them.
/// </summary>
public sealed class ExportLimits : IDisposable
{
    public const int Concurrent = 2;
    public const int PerMinute = 10;

    /// <summary>A file takes well under a second: a refused concurrent export can try again soon.</summary>
    private static readonly TimeSpan ConcurrentRetryAfter = TimeSpan.FromSeconds(1);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<string, string>(subject => RateLimitPartition.GetConcurrencyLimiter(subject,
            _ => new ConcurrencyLimiterOptions { PermitLimit = Concurrent, QueueLimit = 0 })),
        PartitionedRateLimiter.Create<string, string>(subject => RateLimitPartition.GetSlidingWindowLimiter(subject,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = PerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 12,
                QueueLimit = 0,
            })));

    /// <summary>A lease to dispose when the export is done, or the time to wait when the subject is over a limit.</summary>
    public (RateLimitLease? Lease, TimeSpan RetryAfter) TryStart(string subject)
    {
        var lease = _limiter.AttemptAcquire(subject);
        if (lease.IsAcquired)
        {
            return (lease, TimeSpan.Zero);
        }
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : ConcurrentRetryAfter;
        lease.Dispose();
        return (null, retryAfter);
    }

    public void Dispose() => _limiter.Dispose();
}
