namespace ExecutiveDashboard.Simulator.Generation.Events;

public sealed record UserActive(string EventId, string WorkspaceId, string UserId, DateTime OccurredAt)
    : PlatformEvent(EventId, OccurredAt)
{
    public override string Type => "user.active";

    public override EventStream Stream => EventStream.Users;
}
