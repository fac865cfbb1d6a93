using System.Text.Json.Nodes;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>Builds ingest events as the platform sends them: plain JSON.</summary>
public static class Events
{
    public static JsonObject Run(string eventId, string workspace, string agent, string user, string status,
        DateTime completedAt, double runtimeSeconds, decimal credits, string? agentName = null) => new()
        {
            ["eventId"] = eventId,
            ["type"] = "run.completed",
            ["workspaceId"] = workspace,
            ["runId"] = "run-" + eventId,
            ["agentId"] = agent,
            ["agentName"] = agentName,
            ["userId"] = user,
            ["status"] = status,
            ["startedAt"] = Iso(completedAt.AddSeconds(-runtimeSeconds)),
            ["completedAt"] = Iso(completedAt),
            ["credits"] = credits,
            ["errorCode"] = status == "failed" ? "TIMEOUT" : null,
        };

    public static JsonObject AgentCreated(string eventId, string workspace, string agent, string name, DateTime at) => new()
    {
        ["eventId"] = eventId,
        ["type"] = "agent.created",
        ["workspaceId"] = workspace,
        ["agentId"] = agent,
        ["agentName"] = name,
        ["occurredAt"] = Iso(at),
    };
}
