using System.Threading.RateLimiting;

namespace ExecutiveDashboard.Exports.Limits;

/// <summary>
/// At most <see cref="Concurrent"/> exports at once and <see cref="PerMinute"/> a minute per subject, so that one
/// person (or one leaked token) cannot take the service's CPU from everyone else. A refused attempt takes nothing
/// from the minute's allowance. The limits hold per replica: with two replicas a subject may at most double them.
/// Over everyone, at most <paramref name="machineShare"/> exports run at once, the others wait their turn in order:
/// a file is made of an overview read and a render, and ten of them at once would otherwise take the machine's cores
/// from the people reading the dashboard itself.
/// </summary>
/// <param name="machineShare">Exports running at once over all subjects (<c>Exports:ConcurrentExports</c>; default
/// half the processors, at least one).</param>
public sealed class ExportLimits(int machineShare) : IDisposable
{
    public const string MachineShareSetting = "Exports:ConcurrentExports";

    /// <summary>Half the machine, at least one export at a time.</summary>
    public static int DefaultMachineShare => Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Exports waiting for a turn beyond which the next is refused as throttled.</summary>
    public const int MaxWaiting = 100;

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

    private readonly ConcurrencyLimiter _machine = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = machineShare,
        QueueLimit = MaxWaiting,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

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

    /// <summary>Waits for the export's turn on the machine; a lease that is not acquired means too many are waiting.</summary>
    public ValueTask<RateLimitLease> WaitForTurnAsync(CancellationToken cancellationToken) => _machine.AcquireAsync(1, cancellationToken);

    public void Dispose()
    {
        _limiter.Dispose();
        _machine.Dispose();
    }
}
