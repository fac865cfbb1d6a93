
namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>Cuts a period into the fewest aligned pieces of the coarsest available rollups: whole days
/// in the middle, whole hours (then minutes) at the edges, and raw runs only for what is left.</summary>
public static class PeriodSlicer
{
    public static IReadOnlyList<Slice> Slice(Period period, params Grain[] coarsestFirst)
    {
        var slices = new List<Slice>();
        Cut(period.Start, period.End, coarsestFirst, 0, slices);
        return slices;
    }

    private static void Cut(DateTime start, DateTime end, Grain[] grains, int level, List<Slice> slices)
    {
        if (start >= end)
        {
            return;
        }
        if (level == grains.Length)
        {
            slices.Add(new Slice(Grain.Raw, new Period(start, end)));
            return;
        }

        var grain = grains[level];
        var alignedStart = grain.Ceiling(start);
        var alignedEnd = grain.Floor(end);
        if (alignedStart >= alignedEnd)
        {
            Cut(start, end, grains, level + 1, slices);
            return;
        }

        Cut(start, alignedStart, grains, level + 1, slices);
        slices.Add(new Slice(grain, new Period(alignedStart, alignedEnd)));
        Cut(alignedEnd, end, grains, level + 1, slices);
    }
}
