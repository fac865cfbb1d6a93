namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>
/// Turns the stream of "these sections changed" of one subscription into at most one update per interval.
/// The first change after a quiet interval goes out at once, so a lone ingest adds no latency; changes that
/// follow within the interval are collected and go out together when it ends.
/// </summary>
public sealed class MetricsUpdateCoalescer(TimeSpan interval, TimeProvider clock, Action<IReadOnlyList<string>, DateTime> emit) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastSent;
    private ITimer? _timer;
    private bool _disposed;

    public void Add(IEnumerable<string> sections)
    {
        (IReadOnlyList<string> Sections, DateTime At)? ready = null;
        lock (_gate)
        {
            _pending.UnionWith(sections);
            if (_timer is not null || _disposed || _pending.Count == 0)
            {
                return;
            }
            var now = clock.GetUtcNow();
            var due = _lastSent + interval;
            if (due is null || now >= due)
            {
                ready = Take(now);
            }
            else
            {
                _timer = clock.CreateTimer(_ => Flush(), null, Wait(due.Value - now), Timeout.InfiniteTimeSpan);
            }
        }
        if (ready is { } update)
        {
            emit(update.Sections, update.At);
        }
    }

    private void Flush()
    {
        (IReadOnlyList<string> Sections, DateTime At) update;
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_disposed || _pending.Count == 0)
            {
                return;
            }
            // Timers run on a monotonic clock and may fire a millisecond before the wall clock says the interval
            // is over: wait out the rest, so updates are never closer than the interval by their own timestamps.
            var now = clock.GetUtcNow();
            if (_lastSent + interval is { } due && now < due)
            {
                _timer = clock.CreateTimer(_ => Flush(), null, Wait(due - now), Timeout.InfiniteTimeSpan);
                return;
            }
            update = Take(now);
        }
        emit(update.Sections, update.At);
    }

    /// <summary>Never longer than the interval, even if the wall clock was set back since the last update.</summary>
    private TimeSpan Wait(TimeSpan untilDue) => untilDue < interval ? untilDue : interval;

    private (IReadOnlyList<string>, DateTime) Take(DateTimeOffset now)
    {
        var sections = _pending.ToArray();
        _pending.Clear();
        _lastSent = now;
        return (sections, now.UtcDateTime);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }
}
