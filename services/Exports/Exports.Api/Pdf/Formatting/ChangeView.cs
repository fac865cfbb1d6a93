namespace ExecutiveDashboard.Exports.Pdf.Formatting;

/// <summary>How a change reads (web/src/lib/change.ts): its direction, and whether that direction is good by
/// <c>meta.metricInfo[key].higherIsBetter</c>, never guessed from a title.</summary>
public sealed record ChangeView(ChangeDirection Direction, ChangeTone Tone, string Text)
{
    public static ChangeView Of(double? change, string? changeUnit, bool higherIsBetter)
    {
        var text = MetricFormat.Change(change, changeUnit);
        if (change is not { } c || !double.IsFinite(c)) return new(ChangeDirection.None, ChangeTone.Neutral, text);
        // What the reader sees decides "flat": a change that rounds to 0.0 is not coloured.
        var direction = MetricFormat.Fixed(Math.Abs(c), 1) == MetricFormat.Fixed(0, 1) ? ChangeDirection.Flat
            : c > 0 ? ChangeDirection.Up : ChangeDirection.Down;
        return new(direction, ToneOf(direction, higherIsBetter), text);
    }

    public static ChangeTone ToneOf(ChangeDirection direction, bool higherIsBetter) => direction switch
    {
        ChangeDirection.Up => higherIsBetter ? ChangeTone.Good : ChangeTone.Bad,
        ChangeDirection.Down => higherIsBetter ? ChangeTone.Bad : ChangeTone.Good,
        _ => ChangeTone.Neutral,
    };
}
