using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Executions.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class AuthRulesTests(ExecutionsServersFixture servers) : DashboardAuthRulesTests<ExecutionsService>(servers)
{
    protected override JsonNode ValidEvent() => Events.Run("ok-1", "ws_1", "ag_1", "u_1", "succeeded", At("2026-11-28T10:00:00Z"), 10, 1m);
}
