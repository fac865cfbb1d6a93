using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Billing.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class HostileInputTests(BillingServersFixture servers) : ServiceHostileInputTable<BillingService>(servers)
{
    protected override IReadOnlyList<BodyEndpoint> BodyEndpoints =>
        [new(HttpMethod.Post, "/api/billing/signals", HostileInputs.ValidSignalsQuery, HostileInputs.InvalidSignalsQueries)];
}
