using System.Text.Json.Nodes;
using TestSupport;

namespace Executions.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class HostileIngestTests(PostgresFixture postgres) : HostileIngestTests<ExecutionsService>(postgres)
{
    protected override JsonObject[] ValidEvents(string workspace, DateTime at) =>
    [
        Events.AgentCreated("id", workspace, "ag_fz", "Fuzz Bot", at),
        Events.Run("id", workspace, "ag_fz", "u_fz", "failed", at, 12, 3.5m, "Fuzz Bot"),
    ];

    protected override string TextField => "agentName";

    protected override string[] StoredTables => ["ingested_events", "runs", "agent_events"];
}
