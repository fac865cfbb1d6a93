using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Billing.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class AuthRulesTests(BillingServersFixture servers) : DashboardAuthRulesTests<BillingService>(servers)
{
    protected override JsonNode ValidEvent() => Events.Started("ok-1", "ws_1", "2026-11-10T00:00:00Z", 100m);
}
