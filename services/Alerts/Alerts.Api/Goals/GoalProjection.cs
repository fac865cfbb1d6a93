namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>
/// A goal's progress, projection and status from the metric's daily values (pure, so that unit tests pin every case):
/// <list type="bullet">
/// <item>projected: the least-squares line through the daily values (x in days), read at the end of the target date;
/// none with fewer than 2 values (one point says nothing of a direction);</item>
/// <item>progress: (current − baseline) / (target − baseline), clamped to 0–1, as a bar can show it;</item>
/// <item>status: met once the current value reaches the target; on track when the projection reaches it by the date;
/// at risk when it gets at least <see cref="AtRiskShare"/> of the way from the baseline to the target; off track
/// otherwise, and once the date has passed unmet. Without a projection there is no status (nothing raises an alert).</item>
/// </list>
/// Every goal metric is higher-is-better, so there is no goal to reduce a value.
/// </summary>
public static class GoalProjection
{
    /// <summary>The share of the way from the baseline to the target a projection must reach to be at risk rather than off track.</summary>
    public const decimal AtRiskShare = 0.9m;

    public sealed record Result(decimal? Current, decimal? Projected, double? Progress, string? Status);

    /// <param name="due">The instant the target is due: the end of the target date.</param>
    public static Result Evaluate(IReadOnlyList<DailyValue> daily, decimal target, decimal? baseline, DateTime due, DateTime now)
    {
        if (daily.Count == 0)
        {
            return new(null, null, null, null);
        }
        var current = daily[^1].Value;
        var from = baseline ?? current;
        var projected = Project(daily, due);
        // Shown (and kept as the baseline) to the cent or the hundredth of a point, as the dashboard rounds its numbers; the
        // progress and the status use the exact value.
        return new(decimal.Round(current, 2), projected, Progress(current, from, target), Status(current, projected, from, target, due, now));
    }

    /// <summary>The least-squares line through the values, at <paramref name="at"/>; null with fewer than 2 values.</summary>
    public static decimal? Project(IReadOnlyList<DailyValue> daily, DateTime at)
    {
        if (daily.Count < 2)
        {
            return null;
        }
        var origin = daily[^1].At;
        var xs = daily.Select(d => (d.At - origin).TotalDays).ToArray();
        var ys = daily.Select(d => (double)d.Value).ToArray();
        var (meanX, meanY) = (xs.Average(), ys.Average());
        var spread = xs.Sum(x => (x - meanX) * (x - meanX));
        // All values at one instant: no direction, the line is flat at their mean.
        var slope = spread == 0 ? 0 : xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum() / spread;
        var value = meanY + slope * ((at - origin).TotalDays - meanX);
        return (decimal)Math.Round(value, 2);
    }

    public static double Progress(decimal current, decimal baseline, decimal target) =>
        current >= target ? 1
        : target <= baseline ? 0
        : Math.Clamp((double)((current - baseline) / (target - baseline)), 0, 1);

    public static string? Status(decimal current, decimal? projected, decimal baseline, decimal target, DateTime due, DateTime now)
    {
        if (current >= target)
        {
            return GoalStatuses.Met;
        }
        if (now >= due)
        {
            return GoalStatuses.OffTrack;
        }
        if (projected is not { } p)
        {
            return null;
        }
        if (p >= target)
        {
            return GoalStatuses.OnTrack;
        }
        return target > baseline && p >= baseline + AtRiskShare * (target - baseline) ? GoalStatuses.AtRisk : GoalStatuses.OffTrack;
    }
}
