using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Executions.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(ExecutionsServersFixture servers) : OpenApiDocumentTests<ExecutionsService>(servers)
{
    protected override string[] Routes => ["IngestExecutionEvents", "GetEarliestEvent", "GetExecutionsOverview", "GetExecutionSignals"];
}
