using TestSupport;

namespace Billing.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class OpenApiTests(PostgresFixture postgres) : OpenApiDocumentTests<BillingService>(postgres)
{
    protected override string[] Routes => ["IngestBillingEvents", "GetEarliestEvent", "GetBillingOverview", "GetBillingSignals"];
}
