namespace ExecutiveDashboard.Simulator.Generation.Events;

/// <summary>The service an event is posted to: <c>/api/{service}/events</c> on the gateway.</summary>
public enum EventStream { Users, Executions, Billing }

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

public sealed record UserSignedUp(string EventId, string WorkspaceId, string UserId, DateTime OccurredAt, string Name, string Email)
    : PlatformEvent(EventId, OccurredAt)
{
    public override string Type => "user.signed_up";

    public override EventStream Stream => EventStream.Users;
}

public sealed record UserActive(string EventId, string WorkspaceId, string UserId, DateTime OccurredAt)
    : PlatformEvent(EventId, OccurredAt)
{
    public override string Type => "user.active";

    public override EventStream Stream => EventStream.Users;
}

public sealed record AgentCreated(string EventId, string WorkspaceId, string AgentId, string AgentName, DateTime OccurredAt)
    : PlatformEvent(EventId, OccurredAt)
{
    public override string Type => "agent.created";

    public override EventStream Stream => EventStream.Executions;
}

public sealed record RunCompleted(
    string EventId, string WorkspaceId, string RunId, string AgentId, string AgentName, string UserId,
    bool Succeeded, DateTime StartedAt, DateTime CompletedAt, decimal Credits, string? ErrorCode)
    : PlatformEvent(EventId, CompletedAt)
{
    public override string Type => "run.completed";

    public override EventStream Stream => EventStream.Executions;

    public string Status => Succeeded ? "succeeded" : "failed";
}

public abstract record BillingEvent(string EventId, string? WorkspaceId, DateTime OccurredAt) : PlatformEvent(EventId, OccurredAt)
{
    public const string Currency = "USD";

    public override EventStream Stream => EventStream.Billing;
}

public sealed record TrialStarted(string EventId, string WorkspaceId, string Plan, DateTime OccurredAt, DateTime TrialEndsAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt)
{
    public override string Type => "trial.started";
}

public sealed record TrialEnded(string EventId, string WorkspaceId, DateTime OccurredAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt)
{
    public override string Type => "trial.ended";
}

/// <summary><c>subscription.started</c> (also a reactivation after a cancel) or <c>subscription.changed</c>.</summary>
public sealed record SubscriptionPriced(string EventId, string WorkspaceId, bool IsChange, string Plan, string Interval, decimal Amount, DateTime OccurredAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt)
{
    public override string Type => IsChange ? "subscription.changed" : "subscription.started";

    /// <summary>What the subscription adds to MRR: the amount, or a twelfth of it for a yearly plan.</summary>
    public decimal MonthlyValue => Interval == "year" ? Amount / 12 : Amount;
}

public sealed record SubscriptionCanceled(string EventId, string WorkspaceId, DateTime OccurredAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt)
{
    public override string Type => "subscription.canceled";
}

/// <summary>The platform's spend on one channel for one day; it belongs to no workspace.</summary>
public sealed record MarketingSpend(string EventId, decimal Amount, DateTime OccurredAt, string Channel)
    : BillingEvent(EventId, null, OccurredAt)
{
    public override string Type => "marketing.spend";
}
