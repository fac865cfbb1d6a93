using System.Globalization;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Contracts.UnitTests.Metrics;

public class PeriodSlicerTests
{
    /// <summary>An ISO 8601 time without offset, read as UTC.</summary>
    private static DateTime At(string iso) =>
        DateTime.SpecifyKind(DateTime.Parse(iso, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static readonly Grain[] Stats = [Grain.Day, Grain.Hour, Grain.Minute];
    private static readonly Grain[] Detail = [Grain.Day, Grain.Hour];

    [Theory]
    [InlineData("2026-11-01T00:00:00", "2026-11-02T00:00:00")]   // one day
    [InlineData("2026-10-03T00:00:00", "2026-11-02T00:00:00")]   // 30 days
    public void An_aligned_period_is_one_day_slice(string start, string end)
    {
        var period = new Period(At(start), At(end));

        Assert.Equal([new Slice(Grain.Day, period)], PeriodSlicer.Slice(period, Stats));
    }

    [Fact]
    public void Unaligned_edges_are_cut_into_hours_then_minutes_then_raw()
    {
        var period = new Period(At("2026-10-30T22:45:30"), At("2026-11-02T10:17:45"));

        Assert.Equal(
            [
                new Slice(Grain.Raw, new Period(At("2026-10-30T22:45:30"), At("2026-10-30T22:46:00"))),
                new Slice(Grain.Minute, new Period(At("2026-10-30T22:46:00"), At("2026-10-30T23:00:00"))),
                new Slice(Grain.Hour, new Period(At("2026-10-30T23:00:00"), At("2026-10-31T00:00:00"))),
                new Slice(Grain.Day, new Period(At("2026-10-31T00:00:00"), At("2026-11-02T00:00:00"))),
                new Slice(Grain.Hour, new Period(At("2026-11-02T00:00:00"), At("2026-11-02T10:00:00"))),
                new Slice(Grain.Minute, new Period(At("2026-11-02T10:00:00"), At("2026-11-02T10:17:00"))),
                new Slice(Grain.Raw, new Period(At("2026-11-02T10:17:00"), At("2026-11-02T10:17:45"))),
            ],
            PeriodSlicer.Slice(period, Stats));
    }

    [Fact]
    public void Without_minute_rollups_the_sub_hour_edges_are_raw()
    {
        var period = new Period(At("2026-10-30T22:45:30"), At("2026-10-31T03:00:00"));

        Assert.Equal(
            [
                new Slice(Grain.Raw, new Period(At("2026-10-30T22:45:30"), At("2026-10-30T23:00:00"))),
                new Slice(Grain.Hour, new Period(At("2026-10-30T23:00:00"), At("2026-10-31T03:00:00"))),
            ],
            PeriodSlicer.Slice(period, Detail));
    }

    [Fact]
    public void A_period_inside_one_minute_is_read_raw()
    {
        var period = new Period(At("2026-11-02T10:05:10"), At("2026-11-02T10:05:50"));

        Assert.Equal([new Slice(Grain.Raw, period)], PeriodSlicer.Slice(period, Stats));
    }

    [Fact]
    public void An_empty_period_has_no_slices()
    {
        var t = At("2026-11-02T10:05:10");

        Assert.Empty(PeriodSlicer.Slice(new Period(t, t), Stats));
    }

    [Fact]
    public void Slices_cover_any_period_exactly_with_aligned_rollup_pieces()
    {
        var random = new Random(20261102);
        var origin = At("2026-01-01T00:00:00");
        for (var i = 0; i < 2_000; i++)
        {
            var start = origin + TimeSpan.FromTicks(random.NextInt64(TimeSpan.FromDays(365).Ticks));
            // Mix sub-minute, sub-hour, sub-day and multi-day lengths, sometimes aligned.
            var length = random.Next(4) switch
            {
                0 => TimeSpan.FromTicks(random.NextInt64(TimeSpan.FromMinutes(1).Ticks)),
                1 => TimeSpan.FromTicks(random.NextInt64(TimeSpan.FromHours(2).Ticks)),
                2 => TimeSpan.FromTicks(random.NextInt64(TimeSpan.FromDays(2).Ticks)),
                _ => TimeSpan.FromDays(random.Next(1, 100)),
            };
            if (random.Next(3) == 0)
            {
                start = Grain.Minute.Floor(start);
            }
            var period = new Period(start, start + length);
            var grains = random.Next(2) == 0 ? Stats : Detail;

            var slices = PeriodSlicer.Slice(period, grains);

            var cursor = period.Start;
            foreach (var slice in slices)
            {
                Assert.Equal(cursor, slice.Period.Start);          // no gap, no overlap
                Assert.False(slice.Period.IsEmpty);
                if (slice.Grain != Grain.Raw)
                {
                    Assert.Contains(slice.Grain, grains);
                    Assert.Equal(slice.Grain.Floor(slice.Period.Start), slice.Period.Start);
                    Assert.Equal(slice.Grain.Floor(slice.Period.End), slice.Period.End);
                }
                cursor = slice.Period.End;
            }
            Assert.Equal(period.End, cursor);
            // Fewest pieces: at most one day run, and two of every finer resolution (one per edge).
            Assert.True(slices.Count(s => s.Grain == Grain.Day) <= 1);
            Assert.True(slices.Count(s => s.Grain == Grain.Raw) <= 2);
        }
    }
}
