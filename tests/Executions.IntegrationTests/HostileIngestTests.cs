using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Executions.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class HostileIngestTests(ExecutionsServersFixture servers) : HostileIngestTests<ExecutionsService>(servers)
{
    protected override JsonObject[] ValidEvents(string workspace, DateTime at) =>
    [
        Events.AgentCreated("id", workspace, "ag_fz", "Fuzz Bot", at),
        Events.Run("id", workspace, "ag_fz", "u_fz", "failed", at, 12, 3.5m, "Fuzz Bot"),
    ];

    protected override string TextField => "agentName";
}
