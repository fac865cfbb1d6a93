namespace ExecutiveDashboard.Simulator.Generation.Events;

public sealed record UserSignedUp(string EventId, string WorkspaceId, string UserId, DateTime OccurredAt, string Name, string Email)
    : PlatformEvent(EventId, OccurredAt)
{
    public override string Type => "user.signed_up";

    public override EventStream Stream => EventStream.Users;
}
