using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class AuthRulesTests(UsersServersFixture servers) : DashboardAuthRulesTests<UsersService>(servers)
{
    protected override JsonNode ValidEvent() => Events.SignedUp("ok-1", "ws_1", "u_1", At("2026-11-28T10:00:00Z"), "Ada Lovelace", "ada@example.com");
}
