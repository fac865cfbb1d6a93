namespace ExecutiveDashboard.Simulator.Generation.Events;

public sealed record RunCompleted(
    string EventId, string WorkspaceId, string RunId, string AgentId, string AgentName, string UserId,
    bool Succeeded, DateTime StartedAt, DateTime CompletedAt, decimal Credits, string? ErrorCode)
    : PlatformEvent(EventId, CompletedAt)
{
    public override string Type => "run.completed";

    public override EventStream Stream => EventStream.Executions;

    public string Status => Succeeded ? "succeeded" : "failed";
}
