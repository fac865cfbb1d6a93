using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Executions.Model;

/// <summary>Additive totals of a set of runs, as the rollups store them.</summary>
public readonly record struct RunTotals(long Runs, long Succeeded, double RuntimeSum, decimal Credits)
{
    public long Failed => Runs - Succeeded;

    /// <summary>successful / total × 100; <c>null</c> when there are no runs.</summary>
    public double? SuccessRate => Round.Rate(Succeeded, Runs);

    /// <summary>Failed / total × 100 for the errors trend: 0 when there are no runs (docs/metrics.md).</summary>
    public double ErrorRate => Round.Rate(Failed, Runs) ?? 0;

    /// <summary>Mean runtime in seconds; <c>null</c> when there are no runs.</summary>
    public double? AvgRuntime => Runs == 0 ? null : Round.Seconds(RuntimeSum / Runs);

    public static RunTotals operator +(RunTotals a, RunTotals b) =>
        new(a.Runs + b.Runs, a.Succeeded + b.Succeeded, a.RuntimeSum + b.RuntimeSum, a.Credits + b.Credits);

    public static RunTotals operator -(RunTotals a, RunTotals b) =>
        new(a.Runs - b.Runs, a.Succeeded - b.Succeeded, a.RuntimeSum - b.RuntimeSum, a.Credits - b.Credits);
}
