using System.Text.Json.Nodes;
using TestSupport;

namespace Users.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class HostileIngestTests(ServersFixture servers) : HostileIngestTests<UsersService>(servers)
{
    protected override JsonObject[] ValidEvents(string workspace, DateTime at) =>
    [
        Events.SignedUp("id", workspace, "u_fz", at, "Ada Fuzz", "ada@example.com"),
        Events.Active("id", workspace, "u_fz", at),
    ];

    protected override string TextField => "name";

    protected override string[] StoredTables => ["ingested_events", "signups", "activity_events", "users", "user_activity_spans"];
}
