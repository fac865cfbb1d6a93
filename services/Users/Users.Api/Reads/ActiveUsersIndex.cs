using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Ingest;

namespace ExecutiveDashboard.Users.Reads;

/// <summary>
/// The activity spans (<see cref="ActivitySpans"/>) turned around: per UTC hour, the users active in it as a
/// bitmap over a dense user index, and each one's first and last millisecond in the hour; per UTC day, the
/// union of its hours. A window's active users are the union of the bitmaps of the days and hours it covers
/// whole, plus, in the hour at each unaligned bound, the users with an event on the window's side of the bound
/// (their first or last event tells: exact for windows at least an hour long or with a whole-hour bound, see
/// <see cref="CanCount"/>). So a read costs a bounded number of bitmap unions, sized by the number of users,
/// whatever the number of runs or the history; only the hours at unaligned bounds are read user by user.
/// It also holds each user's first sighting, for the known and new users.
/// Not thread-safe: <see cref="ActivitySpansCache"/> guards it.
/// </summary>
public sealed class ActiveUsersIndex
{
    private const int HoursPerDay = 24;

    private readonly Dictionary<long, int> _userIndex = [];
    private readonly List<int> _workspaceOf = [];
    private readonly List<long> _firstSeen = [];
    private readonly Dictionary<string, int> _workspaceIndex = new(StringComparer.Ordinal);
    private readonly List<List<int>> _members = [];
    private readonly Dictionary<(int Block, long UserKey), byte[]> _rows = [];
    private readonly Dictionary<long, Hour> _hours = [];
    private readonly Dictionary<long, ulong[]> _days = [];

    private sealed class Hour
    {
        public ulong[] Users = [];
        public int[] User = new int[4];
        public int[] First = new int[4];
        public int[] Last = new int[4];
        public int Count;
    }

    /// <summary>Whether the spans answer these windows exactly: bounds on whole milliseconds, and no window
    /// shorter than an hour with both bounds inside an hour.</summary>
    public static bool CanCount(IEnumerable<Period> windows) => windows.All(w =>
        w.IsEmpty || (ActivitySpans.IsWholeMs(w.Start) && ActivitySpans.IsWholeMs(w.End)
            && (w.End - w.Start >= TimeSpan.FromHours(1) || Grain.Hour.Floor(w.Start) == w.Start || Grain.Hour.Floor(w.End) == w.End)));

    public int Users => _userIndex.Count;

    /// <summary>Takes one stored row (a user's spans in one block) as it is now. Rows only grow (a merge keeps
    /// the earlier first and the later last event of each hour), so only what differs from the row seen last
    /// is applied, and a row seen again changes nothing.</summary>
    public void Apply(long userKey, string workspace, int block, byte[] spans)
    {
        var user = UserIndex(userKey, workspace);
        var before = _rows.GetValueOrDefault((block, userKey)) ?? [];
        _rows[(block, userKey)] = spans;
        var b = 0;
        for (var offset = 0; offset + 8 <= spans.Length; offset += 8)
        {
            var span = BinaryPrimitives.ReadInt64BigEndian(spans.AsSpan(offset));
            var (hourInBlock, first, last) = ActivitySpans.Split(span);
            while (b + 8 <= before.Length && ActivitySpans.Split(BinaryPrimitives.ReadInt64BigEndian(before.AsSpan(b))).HourInBlock < hourInBlock)
            {
                b += 8;
            }
            long? old = b + 8 <= before.Length ? BinaryPrimitives.ReadInt64BigEndian(before.AsSpan(b)) : null;
            if (old == span)
            {
                continue;
            }
            var hour = (long)block * ActivitySpans.BlockHours + hourInBlock;
            if (old is { } stored && ActivitySpans.Split(stored).HourInBlock == hourInBlock)
            {
                Update(_hours[hour], user, first, last);
            }
            else
            {
                Add(hour, user, first, last);
            }
        }
    }

    /// <summary>Takes one stored user as it is now: its first sighting only moves earlier.</summary>
    public void See(long userKey, string workspace, DateTime firstSeenAt) =>
        _firstSeen[UserIndex(userKey, workspace)] = firstSeenAt.Ticks;

    /// <summary>Users of one workspace, or of all, first seen before <paramref name="end"/>, and those of them
    /// first seen at or after <paramref name="start"/>.</summary>
    public (long Known, long New) CountUsers(DateTime start, DateTime end, string? workspace)
    {
        IEnumerable<int> users = workspace is null ? Enumerable.Range(0, _firstSeen.Count)
            : _workspaceIndex.TryGetValue(workspace, out var w) ? _members[w] : [];
        long known = 0, fresh = 0;
        foreach (var user in users)
        {
            var firstSeen = _firstSeen[user];
            if (firstSeen < end.Ticks)
            {
                known++;
                fresh += firstSeen >= start.Ticks ? 1 : 0;
            }
        }
        return (known, fresh);
    }

    /// <summary>Distinct users per window ([start, end) in ms since the epoch) of one workspace, or of all when
    /// <paramref name="workspace"/> is null; users active in the previous window and not the current one; and
    /// the workspaces of the users active in the current window.</summary>
    public (long[] PerWindow, long Churned, long ActiveWorkspaces) Count(
        IReadOnlyList<(long Start, long End)> windows, int current, int previous, string? workspace)
    {
        var active = ActiveIn(windows);
        var members = Members(workspace);
        var perWindow = CountIn(active, members);
        var (now, before) = (active[current], active[previous]);
        long churned;
        long workspaces;
        if (members is null)
        {
            churned = 0;
            for (var i = 0; i < now.Length; i++)
            {
                churned += BitOperations.PopCount(before[i] & ~now[i]);
            }
            var seen = new bool[_members.Count];
            foreach (var user in UsersIn(now))
            {
                seen[_workspaceOf[user]] = true;
            }
            workspaces = seen.LongCount(s => s);
        }
        else
        {
            churned = members.LongCount(u => IsSet(before, u) && !IsSet(now, u));
            workspaces = perWindow[current] > 0 ? 1 : 0;
        }
        return (perWindow, churned, workspaces);
    }

    /// <summary>Distinct users per window ([start, end) in ms since the epoch) of each of <paramref name="workspaces"/> (null:
    /// all), in their order: each window's users are found once for all of them, so many scopes cost one read.</summary>
    public long[][] CountEach(IReadOnlyList<(long Start, long End)> windows, IReadOnlyList<string?> workspaces)
    {
        var active = ActiveIn(windows);
        return [.. workspaces.Select(w => CountIn(active, Members(w)))];
    }

    private ulong[][] ActiveIn(IReadOnlyList<(long Start, long End)> windows)
    {
        var words = (_userIndex.Count + 63) / 64;
        return [.. windows.Select(w => ActiveIn(w.Start, w.End, words))];
    }

    /// <summary>The users of one workspace; null for all.</summary>
    private List<int>? Members(string? workspace) =>
        workspace is null ? null : _workspaceIndex.TryGetValue(workspace, out var w) ? _members[w] : [];

    private static long[] CountIn(ulong[][] active, List<int>? members) =>
        [.. active.Select(bits => members is null ? PopCount(bits) : members.LongCount(u => IsSet(bits, u)))];

    /// <summary>The users with an event in [start, end): whole days and hours from their bitmaps, the hours at
    /// unaligned bounds from each user's first and last event in them.</summary>
    private ulong[] ActiveIn(long start, long end, int words)
    {
        var bits = new ulong[words];
        if (end <= start)
        {
            return bits;
        }
        var (firstHour, lastHour) = (FloorDiv(start, ActivitySpans.MsPerHour), FloorDiv(end - 1, ActivitySpans.MsPerHour));
        var (from, to) = (firstHour, lastHour);
        if (start != firstHour * ActivitySpans.MsPerHour)
        {
            AddEdge(bits, firstHour, start, end);
            from++;
        }
        if (end != (lastHour + 1) * ActivitySpans.MsPerHour && lastHour >= from)
        {
            AddEdge(bits, lastHour, start, end);
            to--;
        }
        for (var hour = from; hour <= to;)
        {
            if (hour % HoursPerDay == 0 && hour + HoursPerDay - 1 <= to)
            {
                Or(bits, _days.GetValueOrDefault(hour / HoursPerDay));
                hour += HoursPerDay;
            }
            else
            {
                Or(bits, _hours.GetValueOrDefault(hour)?.Users);
                hour++;
            }
        }
        return bits;
    }

    private void AddEdge(ulong[] bits, long hour, long start, long end)
    {
        if (!_hours.TryGetValue(hour, out var h))
        {
            return;
        }
        var hourStart = hour * ActivitySpans.MsPerHour;
        for (var i = 0; i < h.Count; i++)
        {
            var (first, last) = (hourStart + h.First[i], hourStart + h.Last[i]);
            if ((first >= start && first < end) || (last >= start && last < end))
            {
                bits[h.User[i] >> 6] |= 1UL << (h.User[i] & 63);
            }
        }
    }

    private int UserIndex(long userKey, string workspace)
    {
        if (_userIndex.TryGetValue(userKey, out var user))
        {
            return user;
        }
        user = _userIndex.Count;
        _userIndex[userKey] = user;
        if (!_workspaceIndex.TryGetValue(workspace, out var w))
        {
            _workspaceIndex[workspace] = w = _members.Count;
            _members.Add([]);
        }
        _workspaceOf.Add(w);
        _firstSeen.Add(long.MaxValue);
        _members[w].Add(user);
        return user;
    }

    private void Add(long hour, int user, int first, int last)
    {
        if (!_hours.TryGetValue(hour, out var h))
        {
            _hours[hour] = h = new Hour();
        }
        if (h.Count == h.User.Length)
        {
            Array.Resize(ref h.User, h.Count * 2);
            Array.Resize(ref h.First, h.Count * 2);
            Array.Resize(ref h.Last, h.Count * 2);
        }
        (h.User[h.Count], h.First[h.Count], h.Last[h.Count]) = (user, first, last);
        h.Count++;
        Set(ref h.Users, user);
        var day = FloorDiv(hour, HoursPerDay);
        var dayBits = _days.GetValueOrDefault(day) ?? [];
        Set(ref dayBits, user);
        _days[day] = dayBits;
    }

    private static void Update(Hour h, int user, int first, int last)
    {
        var i = Array.IndexOf(h.User, user, 0, h.Count);
        (h.First[i], h.Last[i]) = (Math.Min(h.First[i], first), Math.Max(h.Last[i], last));
    }

    private void Set(ref ulong[] bits, int user)
    {
        if (user >> 6 >= bits.Length)
        {
            Array.Resize(ref bits, Math.Max((user >> 6) + 1, (_userIndex.Count + 63) / 64));
        }
        bits[user >> 6] |= 1UL << (user & 63);
    }

    private static bool IsSet(ulong[] bits, int user) => (bits[user >> 6] >> (user & 63) & 1) != 0;

    private static IEnumerable<int> UsersIn(ulong[] bits)
    {
        for (var i = 0; i < bits.Length; i++)
        {
            for (var word = bits[i]; word != 0; word &= word - 1)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
            }
        }
    }

    private static long PopCount(ulong[] bits)
    {
        long count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }
        return count;
    }

    /// <summary>bits |= other, over the words both have (a bitmap made before later users joined is shorter).</summary>
    private static void Or(ulong[] bits, ulong[]? other)
    {
        if (other is null)
        {
            return;
        }
        var n = Math.Min(bits.Length, other.Length);
        var target = MemoryMarshal.Cast<ulong, Vector<ulong>>(bits.AsSpan(0, n));
        var source = MemoryMarshal.Cast<ulong, Vector<ulong>>(other.AsSpan(0, n));
        for (var i = 0; i < target.Length; i++)
        {
            target[i] |= source[i];
        }
        for (var i = target.Length * Vector<ulong>.Count; i < n; i++)
        {
            bits[i] |= other[i];
        }
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
