namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>Period-over-period changes as docs/metrics.md defines them.</summary>
public static class Change
{
    /// <summary>Relative change of a count or amount, in percent; <c>null</c> when there is no previous
    /// period or the previous value is 0.</summary>
    public static double? Relative(double current, double? previous) =>
        previous is null or 0 ? null : Round.Percent((current - previous.Value) / previous.Value * 100);

    /// <summary>Difference of two percentages in percentage points; <c>null</c> when either is undefined.</summary>
    public static double? Points(double? current, double? previous) =>
        current is null || previous is null ? null : Round.Percent(current.Value - previous.Value);
}
