namespace ExecutiveDashboard.Executions.Rollups;

/// <summary>
/// The runs of one agent or one user in completion order, with running sums of a few values per run
/// (<see cref="Width"/> of them), so that the count and the sums of any window [start, end) cost two
/// binary searches, whatever the history holds. Runs arriving late are inserted in place.
/// Not thread-safe: <see cref="RunLeaderboards"/> guards it.
/// </summary>
/// <remarks>
/// The sums are 128-bit: a 64-bit one overflows after about 9.2 million runs of one user at the most a run may cost
/// (10^12 millionths of a credit each) or 10,800 runs of one agent that each ran from 2000 to now (8.5·10^14 µs), both
/// within the bounds of a valid event, and would show that tenant's (and the platform's) top lists wrong. 2^127 holds
/// more runs than could ever be stored; it costs 8 bytes more per value and run (64 bytes a run instead of 40).
/// </remarks>
public sealed class RunSeries(int width)
{
    private long[] _ticks = new long[2];

    // _prefix[i * width + k] = the sum of value k over runs [0, i).
    private Int128[] _prefix = new Int128[3 * width];

    public int Count { get; private set; }

    public void Add(long completedTicks, ReadOnlySpan<long> values)
    {
        if (values.Length != width)
        {
            throw new ArgumentException($"A run of this series has {width} values.", nameof(values));
        }
        if (Count == _ticks.Length)
        {
            Array.Resize(ref _ticks, Count * 2);
            Array.Resize(ref _prefix, (Count * 2 + 1) * width);
        }

        // After the runs completed at the same tick or before: a late run shifts only what follows it.
        var at = FirstAfter(completedTicks);
        Array.Copy(_ticks, at, _ticks, at + 1, Count - at);
        _ticks[at] = completedTicks;
        for (var i = Count; i >= at; i--)
        {
            for (var k = 0; k < width; k++)
            {
                _prefix[(i + 1) * width + k] = _prefix[i * width + k] + values[k];
            }
        }
        Count++;
    }

    /// <summary>The runs completed in [<paramref name="startTicks"/>, <paramref name="endTicks"/>).</summary>
    public SeriesWindow Window(long startTicks, long endTicks)
    {
        var from = FirstAtOrAfter(startTicks);
        var to = FirstAtOrAfter(endTicks);
        return new SeriesWindow(this, from, Math.Max(from, to));
    }

    /// <summary>Whether a run completed in [<paramref name="startTicks"/>, <paramref name="endTicks"/>): one binary search.</summary>
    public bool HasRunIn(long startTicks, long endTicks)
    {
        var first = FirstAtOrAfter(startTicks);
        return first < Count && _ticks[first] < endTicks;
    }

    internal Int128 Sum(int from, int to, int value) => _prefix[to * width + value] - _prefix[from * width + value];

    internal long TicksAt(int index) => _ticks[index];

    private int FirstAtOrAfter(long ticks) => Search(ticks, strictlyAfter: false);

    private int FirstAfter(long ticks) => Search(ticks, strictlyAfter: true);

    private int Search(long ticks, bool strictlyAfter)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_ticks[middle] < ticks || (strictlyAfter && _ticks[middle] == ticks))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
