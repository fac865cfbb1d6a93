using ExecutiveDashboard.Simulator.Generation.Catalog;
using ExecutiveDashboard.Simulator.Generation.Randomness;
using ExecutiveDashboard.Simulator.Generation.Time;

namespace ExecutiveDashboard.Simulator.Generation.World;

/// <summary>
/// When workspaces arrive: a young platform's growth. A quarter come in a launch wave over the first week
/// (the beta's users moving over), the rest at a rate that grows by half again from the first day to the
/// last, thinned by the weekly rhythm. Numbered in arrival order, so workspace 1 is the oldest.
/// </summary>
internal static class WorkspaceArrivals
{
    private const double LaunchWaveShare = 0.25;
    private const double Growth = 1.5;

    public static List<Workspace> Create(SimulationOptions options, DateTime start, DateTime end)
    {
        var rng = Rng.For(options.Seed, "arrivals");
        var window = end - start;
        var wave = TimeSpan.FromTicks(Math.Min(TimeSpan.FromDays(7).Ticks, window.Ticks / 4));
        var arrivals = new DateTime[options.Workspaces];
        for (var i = 0; i < arrivals.Length; i++)
        {
            arrivals[i] = rng.Chance(LaunchWaveShare)
                ? Seasonality.Sample(rng, start, start + wave)
                : Seasonality.Sample(rng, r => start + window * GrowingPosition(r.NextDouble()));
        }
        Array.Sort(arrivals);

        var anchors = Math.Max(1, options.Workspaces / 100);
        var workspaces = new List<Workspace>(arrivals.Length);
        for (var i = 0; i < arrivals.Length; i++)
        {
            var own = Rng.For(options.Seed, "workspace", i);
            var isAnchor = i < anchors;
            // Pareto(1.25), capped: most teams are small, a few are large.
            var size = Math.Min(60, Math.Pow(1 - own.NextDouble(), -1 / 1.25));
            workspaces.Add(new Workspace
            {
                Number = i + 1,
                Id = $"{options.WorkspacePrefix}_{i + 1:D5}",
                Company = People.Company(own, i + 1),
                CreatedAt = arrivals[i],
                Size = isAnchor ? 8 + 3 * size : size,
                IsAnchor = isAnchor,
            });
        }
        return workspaces;
    }

    // Inverse CDF of the density 1 + Growth·x on [0, 1).
    private static double GrowingPosition(double u) =>
        (-1 + Math.Sqrt(1 + 2 * Growth * u * (1 + Growth / 2))) / Growth;
}
