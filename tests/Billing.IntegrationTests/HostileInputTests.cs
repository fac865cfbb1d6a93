using TestSupport;

namespace Billing.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class HostileInputTests(PostgresFixture postgres) : ServiceHostileInputTable<BillingService>(postgres)
{
    protected override IReadOnlyList<BodyEndpoint> BodyEndpoints =>
        [new(HttpMethod.Post, "/api/billing/signals", HostileInputs.ValidSignalsQuery, HostileInputs.InvalidSignalsQueries)];
}
