namespace ExecutiveDashboard.Benchmarks;

/// <summary>The nearest-rank percentile every mode prints: the smallest sample that at least <c>p</c> % of the samples do
/// not exceed, so that p95 of 100 samples is the 95th and a figure is always one that was measured.</summary>
public static class Percentile
{
    public static double Of(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
