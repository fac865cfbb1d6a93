using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Billing.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(BillingServersFixture servers) : OpenApiDocumentTests<BillingService>(servers)
{
    protected override string[] Routes => ["IngestBillingEvents", "GetEarliestEvent", "GetBillingOverview", "GetBillingSignals"];
}
