namespace ExecutiveDashboard.Contracts.Ingest;

/// <summary>Events of the users service (docs/events.md): <c>user.signed_up</c> and <c>user.active</c>.</summary>
public abstract record UserEvent(string EventId, string WorkspaceId, string UserId, DateTime OccurredAt)
{
    public const string SignedUpType = "user.signed_up";
    public const string ActiveType = "user.active";
    public static readonly string[] Types = [SignedUpType, ActiveType];

    public static UserEvent Parse(string type, EventFields f) => type switch
    {
        SignedUpType => new UserSignedUpEvent(
            f.EventId!, f.WorkspaceId()!, f.Id("userId")!, f.Timestamp("occurredAt"), f.Text("name")!, f.OptionalText("email")),
        _ => new UserActiveEvent(f.EventId!, f.WorkspaceId()!, f.Id("userId")!, f.Timestamp("occurredAt")),
    };
}

public sealed record UserSignedUpEvent(string EventId, string WorkspaceId, string UserId, DateTime OccurredAt, string Name, string? Email)
    : UserEvent(EventId, WorkspaceId, UserId, OccurredAt);

/// <summary>The user was active at <see cref="UserEvent.OccurredAt"/>; also what a completed run means to the users service.</summary>
public sealed record UserActiveEvent(string EventId, string WorkspaceId, string UserId, DateTime OccurredAt)
    : UserEvent(EventId, WorkspaceId, UserId, OccurredAt);
