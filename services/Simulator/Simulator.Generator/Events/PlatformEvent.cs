namespace ExecutiveDashboard.Simulator.Generation.Events;

/// <summary>One event of docs/events.md. <see cref="OccurredAt"/> orders a stream (a run's <c>completedAt</c>).</summary>
public abstract record PlatformEvent(string EventId, DateTime OccurredAt)
{
    public abstract string Type { get; }

    public abstract EventStream Stream { get; }

    public static string ServiceOf(EventStream stream) => stream switch
    {
        EventStream.Users => "users",
        EventStream.Executions => "executions",
        _ => "billing",
    };
}
