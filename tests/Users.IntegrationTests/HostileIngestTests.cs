using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class HostileIngestTests(UsersServersFixture servers) : HostileIngestTests<UsersService>(servers)
{
    protected override JsonObject[] ValidEvents(string workspace, DateTime at) =>
    [
        Events.SignedUp("id", workspace, "u_fz", at, "Ada Fuzz", "ada@example.com"),
        Events.Active("id", workspace, "u_fz", at),
    ];

    protected override string TextField => "name";
}
