namespace ExecutiveDashboard.Contracts.Ingest;

/// <summary>Events of the executions service (docs/events.md): <c>agent.created</c> and <c>run.completed</c>.</summary>
public abstract record ExecutionEvent(string EventId, string WorkspaceId)
{
    public const string AgentCreatedType = "agent.created";
    public const string RunCompletedType = "run.completed";
    public static readonly string[] Types = [AgentCreatedType, RunCompletedType];

    public static ExecutionEvent Parse(string type, EventFields f) => type switch
    {
        AgentCreatedType => new AgentCreatedEvent(
            f.EventId!, f.WorkspaceId()!, f.Id("agentId")!, f.Text("agentName")!, f.Timestamp("occurredAt")),
        _ => RunCompletedEvent.Parse(f),
    };
}

public sealed record AgentCreatedEvent(string EventId, string WorkspaceId, string AgentId, string AgentName, DateTime OccurredAt)
    : ExecutionEvent(EventId, WorkspaceId);

public sealed record RunCompletedEvent(
    string EventId, string WorkspaceId, string RunId, string AgentId, string? AgentName, string UserId,
    RunStatus Status, DateTime StartedAt, DateTime CompletedAt, decimal Credits, string? ErrorCode)
    : ExecutionEvent(EventId, WorkspaceId)
{
    /// <summary>completedAt − startedAt, in seconds.</summary>
    public double RuntimeSeconds => (CompletedAt - StartedAt).TotalSeconds;

    public static RunCompletedEvent Parse(EventFields f)
    {
        var run = new RunCompletedEvent(
            f.EventId!, f.WorkspaceId()!, f.Id("runId")!, f.Id("agentId")!, f.OptionalText("agentName"), f.Id("userId")!,
            f.OneOf("status", "succeeded", "failed") == "failed" ? RunStatus.Failed : RunStatus.Succeeded,
            f.Timestamp("startedAt"), f.Timestamp("completedAt"), f.Number("credits", Bounds.MaxCredits), f.OptionalText("errorCode"));
        if (run.StartedAt != default && run.CompletedAt != default && run.CompletedAt < run.StartedAt)
        {
            f.Fail("completedAt", "must not be before startedAt");
        }
        return run;
    }
}

public enum RunStatus { Succeeded, Failed }
