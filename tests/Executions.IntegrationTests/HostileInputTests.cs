using TestSupport;

namespace Executions.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class HostileInputTests(PostgresFixture postgres) : ServiceHostileInputTable<ExecutionsService>(postgres)
{
    protected override IReadOnlyList<BodyEndpoint> BodyEndpoints =>
        [new(HttpMethod.Post, "/api/executions/signals", HostileInputs.ValidSignalsQuery, HostileInputs.InvalidSignalsQueries)];
}
