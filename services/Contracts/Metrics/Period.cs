namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>A half-open UTC interval <c>[Start, End)</c>.</summary>
public readonly record struct Period(DateTime Start, DateTime End)
{
    public TimeSpan Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(DateTime t) => t >= Start && t < End;

    public static Period Ending(DateTime end, TimeSpan length) => new(end - length, end);
}
