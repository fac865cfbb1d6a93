using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Executions.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class HostileInputTests(ExecutionsServersFixture servers) : ServiceHostileInputTable<ExecutionsService>(servers)
{
    protected override IReadOnlyList<BodyEndpoint> BodyEndpoints =>
        [new(HttpMethod.Post, "/api/executions/signals", HostileInputs.ValidSignalsQuery, HostileInputs.InvalidSignalsQueries)];
}
