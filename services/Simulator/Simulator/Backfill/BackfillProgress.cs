using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.Backfill;

/// <summary>The counters of a backfill, updated by concurrent batches.</summary>
public sealed class BackfillProgress
{
    private readonly EventStream[] _streams = Enum.GetValues<EventStream>();
    private readonly long[] _sent, _accepted, _duplicates, _totals;

    public BackfillProgress(Func<EventStream, long> totalOf)
    {
        _sent = new long[_streams.Length];
        _accepted = new long[_streams.Length];
        _duplicates = new long[_streams.Length];
        _totals = [.. _streams.Select(totalOf)];
    }

    /// <summary>Called after each batch the gateway answered, with that stream's progress before and after it.</summary>
    public event Action<StreamProgress, StreamProgress>? BatchDone;

    public long Total => _totals.Sum();

    public long Sent => _streams.Sum(s => Of(s).Sent);

    public long Accepted => _streams.Sum(s => Of(s).Accepted);

    public long Duplicates => _streams.Sum(s => Of(s).Duplicates);

    public IReadOnlyList<StreamProgress> Streams => [.. _streams.Select(Of)];

    public StreamProgress Of(EventStream stream)
    {
        var i = (int)stream;
        return new StreamProgress(stream, Interlocked.Read(ref _sent[i]), _totals[i], Interlocked.Read(ref _accepted[i]), Interlocked.Read(ref _duplicates[i]));
    }

    internal void Add(EventStream stream, int events, long accepted, long duplicates)
    {
        var i = (int)stream;
        var after = Interlocked.Add(ref _sent[i], events);
        Interlocked.Add(ref _accepted[i], accepted);
        Interlocked.Add(ref _duplicates[i], duplicates);
        var now = Of(stream) with { Sent = after };
        BatchDone?.Invoke(now with { Sent = after - events }, now);
    }
}
