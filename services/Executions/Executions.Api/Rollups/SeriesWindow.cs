namespace ExecutiveDashboard.Executions.Rollups;

/// <summary>The runs of a series inside one window: their count, the sum of each value, and the last one's time.</summary>
public readonly struct SeriesWindow(RunSeries series, int from, int to)
{
    public long Runs => to - from;

    public Int128 Sum(int value) => series.Sum(from, to, value);

    /// <summary>Completion time of the window's last run; undefined when <see cref="Runs"/> is 0.</summary>
    public DateTime LastCompletedAt => new(series.TicksAt(to - 1), DateTimeKind.Utc);
}
