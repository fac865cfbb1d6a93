namespace ExecutiveDashboard.Simulator.Generation.Events;

public sealed record AgentCreated(string EventId, string WorkspaceId, string AgentId, string AgentName, DateTime OccurredAt)
    : PlatformEvent(EventId, OccurredAt)
{
    public override string Type => "agent.created";

    public override EventStream Stream => EventStream.Executions;
}
