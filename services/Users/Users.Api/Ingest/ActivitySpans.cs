using System.Buffers.Binary;

namespace ExecutiveDashboard.Users.Ingest;

/// <summary>
/// The compact activity record the overview reads: per (user, block of 64 UTC days) one bytea of sorted
/// spans (8 bytes each, big-endian), one per hour the user was active in, each packed in a bigint as
/// <c>hour in block (11 bits) &lt;&lt; 44 | first ms in the hour (22 bits) &lt;&lt; 22 | last ms in the hour (22 bits)</c>.
/// The first and last event of an hour tell exactly whether the user was active on either side of any cut
/// inside that hour, so every window at least an hour long (or starting or ending on a whole hour) is
/// answered exactly to the millisecond from these spans alone, without raw events.
/// </summary>
public static class ActivitySpans
{
    public const int BlockDays = 64;
    public const int BlockHours = BlockDays * 24;
    public const long MsPerHour = 3_600_000;
    private const long Mask22 = (1L << 22) - 1;

    /// <summary>Milliseconds since the Unix epoch, floored (sub-millisecond ticks are dropped).</summary>
    public static long Ms(DateTime t) => FloorDiv(t.Ticks - DateTime.UnixEpoch.Ticks, TimeSpan.TicksPerMillisecond);

    public static bool IsWholeMs(DateTime t) => (t.Ticks - DateTime.UnixEpoch.Ticks) % TimeSpan.TicksPerMillisecond == 0;

    /// <summary>Where an instant goes: its block, its hour in the block and its millisecond in the hour.</summary>
    public static (int Block, int Hour, int MsInHour) Locate(DateTime t)
    {
        var ms = Ms(t);
        var hour = FloorDiv(ms, MsPerHour);
        return ((int)FloorDiv(hour, BlockHours), (int)(hour - FloorDiv(hour, BlockHours) * BlockHours), (int)(ms - hour * MsPerHour));
    }

    public static long Encode(int hourInBlock, int firstMs, int lastMs) =>
        ((long)hourInBlock << 44) | ((long)firstMs << 22) | (long)lastMs;

    /// <summary>A span's hour in its block and its first and last millisecond in that hour.</summary>
    public static (int HourInBlock, int FirstMs, int LastMs) Split(long span) =>
        ((int)(span >> 44), (int)((span >> 22) & Mask22), (int)(span & Mask22));

    /// <summary>Spans as stored: 8 bytes each, big-endian (what PostgreSQL's <c>int8send</c> writes).</summary>
    public static byte[] Pack(long[] spans)
    {
        var bytes = new byte[spans.Length * 8];
        for (var i = 0; i < spans.Length; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(i * 8), spans[i]);
        }
        return bytes;
    }

    /// <summary>A stored row with more spans added: one span per hour, in hour order, each hour's the earlier first and the
    /// later last millisecond of both. <paramref name="added"/> is sorted by hour, one span per hour, like the row.</summary>
    public static byte[] Merge(ReadOnlySpan<byte> stored, IReadOnlyList<long> added)
    {
        var merged = new List<long>(stored.Length / 8 + added.Count);
        var (s, a) = (0, 0);
        while (s < stored.Length || a < added.Count)
        {
            long? next = s < stored.Length ? BinaryPrimitives.ReadInt64BigEndian(stored[s..]) : null;
            long span;
            if (next is { } n && (a == added.Count || n >> 44 <= added[a] >> 44))
            {
                span = n;
                s += 8;
            }
            else
            {
                span = added[a++];
            }

            if (merged.Count > 0 && merged[^1] >> 44 == span >> 44)
            {
                var (hour, first, last) = Split(merged[^1]);
                var (_, spanFirst, spanLast) = Split(span);
                merged[^1] = Encode(hour, Math.Min(first, spanFirst), Math.Max(last, spanLast));
            }
            else
            {
                merged.Add(span);
            }
        }
        return Pack([.. merged]);
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
