namespace ExecutiveDashboard.Benchmarks;

/// <summary>One load's figures as <see cref="PageBenchmark"/>'s script reads them, in ms since navigation began
/// (<see cref="JsBytes"/> aside): null where the page never fetched or mounted that part.</summary>
public sealed record PageTimings(double Drawn, double OverviewEnd, double? ChartsMounted, long JsBytes);
