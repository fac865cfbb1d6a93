namespace ExecutiveDashboard.Executions.Rollups;

/// <summary>
/// A log-bucketed runtime histogram (the DDSketch mapping): every runtime falls in a bin whose
/// representative value is within 1 % of it, so bins can be summed across hours and days and a
/// percentile read from the sum stays within 1 % of the exact one (docs/metrics.md allows 2 %).
/// </summary>
public static class RuntimeSketch
{
    public const double RelativeAccuracy = 0.01;

    /// <summary>Runs that took no time at all get a bin of their own, valued exactly 0.</summary>
    public const int ZeroBin = int.MinValue;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    /// <summary>ln γ. A bin is ⌈ln(seconds) / ln γ⌉; the rollups' reader bins raw edges in SQL with the same
    /// formula, which computes the same IEEE doubles.</summary>
    public static readonly double LogGamma = Math.Log(Gamma);

    public static int BinOf(double seconds) =>
        seconds <= 0 ? ZeroBin : (int)Math.Ceiling(Math.Log(seconds) / LogGamma);

    /// <summary>A histogram as stored in <c>run_stats.runtime_bins</c>: an <c>int8[]</c> literal, sorted by bin, each element
    /// <c>bin &lt;&lt; 32 | count</c> (what <see cref="AddStored"/> and the reader unpack).</summary>
    public static string ToSqlArray(SortedDictionary<int, long> bins) =>
        $"{{{string.Join(',', bins.SelectMany(ElementsOf))}}}";

    /// <summary>
    /// A count fits an element's low 32 bits; a bin of more runs is written as several elements of the same bin, which
    /// every reader adds up like any two bins (<see cref="AddStored"/>, the overview's <c>sum … GROUP BY bin</c>). So no
    /// volume of runs overflows a stored bin: a tenant can send 2^32 runs of one runtime into one day, all dated alike.
    /// </summary>
    private static IEnumerable<long> ElementsOf(KeyValuePair<int, long> bin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin.Value);
        var left = bin.Value;
        do
        {
            var count = Math.Min(left, uint.MaxValue);
            yield return ((long)bin.Key << 32) | count;
            left -= count;
        }
        while (left > 0);
    }

    /// <summary>Adds a stored histogram (<see cref="ToSqlArray"/>'s elements) to <paramref name="bins"/>, bin by bin.</summary>
    public static void AddStored(SortedDictionary<int, long> bins, long[] stored)
    {
        foreach (var element in stored)
        {
            var bin = (int)(element >> 32);
            bins[bin] = bins.GetValueOrDefault(bin) + (element & uint.MaxValue);
        }
    }

    public static double ValueOf(int bin) =>
        bin == ZeroBin ? 0 : 2 * Math.Pow(Gamma, bin) / (Gamma + 1);

    /// <summary>The continuous percentile (PostgreSQL's <c>percentile_cont</c>) of the values the bins
    /// hold: interpolated between the order statistics around rank q·(n−1). <c>null</c> over nothing.</summary>
    public static double? Percentile(IEnumerable<KeyValuePair<int, long>> bins, double q)
    {
        var sorted = bins.Where(b => b.Value > 0).OrderBy(b => b.Key).ToList();
        var n = sorted.Sum(b => b.Value);
        if (n == 0)
        {
            return null;
        }

        var rank = q * (n - 1);
        var lower = (long)Math.Floor(rank);
        var upper = (long)Math.Ceiling(rank);
        var low = ValueAtRank(sorted, lower);
        var high = upper == lower ? low : ValueAtRank(sorted, upper);
        return low + (rank - lower) * (high - low);
    }

    private static double ValueAtRank(List<KeyValuePair<int, long>> sorted, long rank)
    {
        long seen = 0;
        foreach (var (bin, count) in sorted)
        {
            seen += count;
            if (rank < seen)
            {
                return ValueOf(bin);
            }
        }
        return ValueOf(sorted[^1].Key);
    }
}
