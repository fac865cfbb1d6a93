using ExecutiveDashboard.Executions.Rollups;

namespace ExecutiveDashboard.Executions.UnitTests.Rollups;

public class RuntimeSketchTests
{
    private const double P95 = 0.95;

    private static Dictionary<int, long> Bins(IEnumerable<double> runtimes) =>
        runtimes.GroupBy(RuntimeSketch.BinOf).ToDictionary(g => g.Key, g => (long)g.Count());

    private static void AssertWithin(double relative, double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - expected) <= relative * expected + 1e-12,
            $"expected {expected} within {relative:P0}, got {actual}");
    }

    [Fact]
    public void Every_runtime_from_a_millisecond_to_a_day_is_valued_within_1_percent()
    {
        for (var seconds = 0.001; seconds <= 86_400; seconds *= 1.003)
        {
            var value = RuntimeSketch.ValueOf(RuntimeSketch.BinOf(seconds));
            Assert.True(Math.Abs(value - seconds) <= seconds * (RuntimeSketch.RelativeAccuracy + 1e-9),
                $"{seconds} s is valued {value} s");
        }
    }

    [Fact]
    public void A_zero_runtime_is_valued_exactly_zero()
    {
        Assert.Equal(0.0, RuntimeSketch.ValueOf(RuntimeSketch.BinOf(0)));
        Assert.Equal(0.0, RuntimeSketch.Percentile(Bins([0, 0, 0]), P95));
    }

    [Fact]
    public void The_percentile_of_nothing_is_null()
    {
        Assert.Null(RuntimeSketch.Percentile([], P95));
        Assert.Null(RuntimeSketch.Percentile(new Dictionary<int, long> { [10] = 0 }, P95));
    }

    [Fact]
    public void The_percentile_of_one_run_is_its_runtime()
    {
        AssertWithin(0.01, 42.0, RuntimeSketch.Percentile(Bins([42.0]), P95));
    }

    public static TheoryData<double[], double> SmallSets => new()
    {
        // percentile_cont(0.95): rank = 0.95·(n−1), interpolate between the order statistics around it.
        // 1..20 s: rank 0.95·19 = 18.05 → 19 + 0.05·(20 − 19) = 19.05
        { Enumerable.Range(1, 20).Select(i => (double)i).ToArray(), 19.05 },
        // 2, 4, 8, 16, 32 s: rank 0.95·4 = 3.8 → 16 + 0.8·(32 − 16) = 28.8
        { [32, 2, 16, 4, 8], 28.8 },
        // 1..100 s: rank 0.95·99 = 94.05 → 95 + 0.05·(96 − 95) = 95.05
        { Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), 95.05 },
        // 19 × 0 s and one 10 s: rank 18.05 → 0 + 0.05·(10 − 0) = 0.5
        { [.. Enumerable.Repeat(0.0, 19), 10], 0.5 },
        // 0.2, 0.3, 120 s: rank 0.95·2 = 1.9 → 0.3 + 0.9·(120 − 0.3) = 108.03
        { [120, 0.2, 0.3], 108.03 },
    };

    [Theory]
    [MemberData(nameof(SmallSets))]
    public void P95_is_within_2_percent_of_percentile_cont(double[] runtimes, double expected)
    {
        AssertWithin(0.02, expected, RuntimeSketch.Percentile(Bins(runtimes), P95));
    }

    [Fact]
    public void P95_of_many_equal_runtimes_is_that_runtime()
    {
        AssertWithin(0.01, 7.5, RuntimeSketch.Percentile(Bins(Enumerable.Repeat(7.5, 1_000)), P95));
    }

    [Fact]
    public void Bins_summed_across_buckets_give_the_percentile_of_all_runs()
    {
        // Two hours of runs merged as the rollup read sums them: 1..20 s split in halves → 19.05 as above.
        var merged = Bins(Enumerable.Range(1, 10).Select(i => (double)i));
        foreach (var (bin, count) in Bins(Enumerable.Range(11, 10).Select(i => (double)i)))
        {
            merged[bin] = merged.GetValueOrDefault(bin) + count;
        }

        AssertWithin(0.02, 19.05, RuntimeSketch.Percentile(merged, P95));
    }
}
