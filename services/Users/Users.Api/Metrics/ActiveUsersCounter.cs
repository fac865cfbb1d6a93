using System.Buffers.Binary;
using System.Numerics;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Ingest;

namespace ExecutiveDashboard.Users.Metrics;

/// <summary>
/// Distinct active users of every window of an overview in one pass over each user's activity spans.
/// The windows' bounds cut time into segments; each span's first and last event fall into one segment each,
/// and a user is active in a window iff one of its events does (exact for windows at least an hour long
/// or with a whole-hour bound: see <see cref="ActivitySpans"/>). Each user keeps a bitset of the segments
/// it touched; at the end the segments are mapped to windows and counted.
/// </summary>
public sealed class ActiveUsersCounter
{
    private readonly int _windows;
    private readonly long[] _cuts;          // sorted distinct bounds, ms since epoch
    private readonly ulong[][] _segmentWindows; // per segment [cuts[i], cuts[i+1]): the windows containing it
    private readonly int _segmentWords;
    private readonly int _current, _previous;
    private readonly Dictionary<long, int> _users = [];
    private readonly List<string?> _workspaces = [];
    private ulong[] _touched = new ulong[1024];
    private readonly long _firstHour;       // hours since epoch of cuts[0]
    private readonly int[] _segmentAtHour;  // per hour from _firstHour: the last cut at or before its start (-1: none)
    private readonly bool[] _cutInHour;     // per hour from _firstHour: a cut strictly inside the hour

    /// <summary>Whether the spans answer these windows exactly: bounds on whole milliseconds, and no window
    /// shorter than an hour with both bounds inside an hour.</summary>
    public static bool CanCount(IEnumerable<Period> windows) => windows.All(w =>
        w.IsEmpty || (ActivitySpans.IsWholeMs(w.Start) && ActivitySpans.IsWholeMs(w.End)
            && (w.End - w.Start >= TimeSpan.FromHours(1) || Grain.Hour.Floor(w.Start) == w.Start || Grain.Hour.Floor(w.End) == w.End)));

    /// <param name="windows">Windows as ms since epoch, [start, end).</param>
    public ActiveUsersCounter(IReadOnlyList<(long Start, long End)> windows, int current, int previous)
    {
        _windows = windows.Count;
        _current = current;
        _previous = previous;
        _cuts = windows.Where(w => w.End > w.Start).SelectMany(w => new[] { w.Start, w.End }).Distinct().Order().ToArray();
        var words = (_windows + 63) / 64;
        _segmentWindows = new ulong[Math.Max(0, _cuts.Length - 1)][];
        for (var s = 0; s < _segmentWindows.Length; s++)
        {
            var bits = new ulong[words];
            for (var w = 0; w < _windows; w++)
            {
                if (windows[w].Start <= _cuts[s] && _cuts[s + 1] <= windows[w].End)
                {
                    bits[w >> 6] |= 1UL << (w & 63);
                }
            }
            _segmentWindows[s] = bits;
        }
        _segmentWords = Math.Max(1, (_segmentWindows.Length + 63) / 64);

        // A point finds its segment from its hour in O(1), then steps over the few cuts inside that hour.
        if (_cuts.Length > 0)
        {
            _firstHour = Math.DivRem(_cuts[0], ActivitySpans.MsPerHour, out var rem) - (rem < 0 ? 1 : 0);
            var hours = (int)((_cuts[^1] - _firstHour * ActivitySpans.MsPerHour) / ActivitySpans.MsPerHour) + 1;
            _segmentAtHour = new int[hours];
            for (int h = 0, segment = -1; h < hours; h++)
            {
                var start = (_firstHour + h) * ActivitySpans.MsPerHour;
                while (segment + 1 < _cuts.Length && _cuts[segment + 1] <= start)
                {
                    segment++;
                }
                _segmentAtHour[h] = segment;
            }
            _cutInHour = new bool[hours];
            foreach (var cut in _cuts)
            {
                var h = (int)((cut - _firstHour * ActivitySpans.MsPerHour) / ActivitySpans.MsPerHour);
                _cutInHour[h] |= cut != (_firstHour + h) * ActivitySpans.MsPerHour;
            }
        }
        else
        {
            _segmentAtHour = [];
            _cutInHour = [];
        }
    }

    public long From => _cuts.Length > 0 ? _cuts[0] : 0;
    public long To => _cuts.Length > 0 ? _cuts[^1] : 0;

    /// <summary>Adds one stored row: a user's spans in one block.</summary>
    public void Add(long userKey, string? workspace, int block, ReadOnlySpan<byte> spans)
    {
        if (_segmentWindows.Length == 0)
        {
            return;
        }
        int user = -1;
        var hourOffset = (long)block * ActivitySpans.BlockHours - _firstHour;
        var segments = _segmentWindows.Length;
        for (var offset = 0; offset + 8 <= spans.Length; offset += 8)
        {
            var span = BinaryPrimitives.ReadInt64BigEndian(spans[offset..]);
            var h = hourOffset + (span >> 44);
            if ((ulong)h >= (ulong)_segmentAtHour.Length)
            {
                continue;
            }
            if (user < 0)
            {
                user = UserIndex(userKey, workspace);
            }
            if (!_cutInHour[h])
            {
                // No bound inside this hour: the whole hour is one segment (or outside every window).
                var segment = _segmentAtHour[h];
                if (segment >= 0 && segment < segments)
                {
                    _touched[user * _segmentWords + (segment >> 6)] |= 1UL << (segment & 63);
                }
                continue;
            }
            var (first, last) = ActivitySpans.Decode(block, span);
            Touch(user, first);
            if (last != first)
            {
                Touch(user, last);
            }
        }
    }

    private int UserIndex(long userKey, string? workspace)
    {
        if (!_users.TryGetValue(userKey, out var user))
        {
            user = _users.Count;
            _users[userKey] = user;
            _workspaces.Add(workspace);
            var needed = (user + 1) * _segmentWords;
            if (needed > _touched.Length)
            {
                Array.Resize(ref _touched, Math.Max(needed, _touched.Length * 2));
            }
        }
        return user;
    }

    private void Touch(int user, long ms)
    {
        if (ms < _cuts[0] || ms >= _cuts[^1])
        {
            return;
        }
        var segment = _segmentAtHour[(int)((ms - _firstHour * ActivitySpans.MsPerHour) / ActivitySpans.MsPerHour)];
        while (segment + 1 < _cuts.Length && _cuts[segment + 1] <= ms)
        {
            segment++;
        }
        _touched[user * _segmentWords + (segment >> 6)] |= 1UL << (segment & 63);
    }

    /// <summary>Distinct users per window, users active in the previous window and not the current one,
    /// and distinct workspaces of the users active in the current window.</summary>
    public (long[] PerWindow, long Churned, long ActiveWorkspaces) Result()
    {
        var perWindow = new long[_windows];
        var words = (_windows + 63) / 64;
        var bits = new ulong[words];
        long churned = 0;
        var workspaces = new HashSet<string?>();
        for (var user = 0; user < _users.Count; user++)
        {
            Array.Clear(bits);
            for (var w = 0; w < _segmentWords; w++)
            {
                var touched = _touched[user * _segmentWords + w];
                while (touched != 0)
                {
                    var segment = (w << 6) + BitOperations.TrailingZeroCount(touched);
                    touched &= touched - 1;
                    var windows = _segmentWindows[segment];
                    for (var k = 0; k < words; k++)
                    {
                        bits[k] |= windows[k];
                    }
                }
            }
            for (var k = 0; k < words; k++)
            {
                var b = bits[k];
                while (b != 0)
                {
                    perWindow[(k << 6) + BitOperations.TrailingZeroCount(b)]++;
                    b &= b - 1;
                }
            }
            var inCurrent = (bits[_current >> 6] >> (_current & 63) & 1) != 0;
            var inPrevious = (bits[_previous >> 6] >> (_previous & 63) & 1) != 0;
            if (inPrevious && !inCurrent)
            {
                churned++;
            }
            if (inCurrent)
            {
                workspaces.Add(_workspaces[user]);
            }
        }
        return (perWindow, churned, workspaces.Count);
    }
}
