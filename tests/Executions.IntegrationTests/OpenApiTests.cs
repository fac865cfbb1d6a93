using TestSupport;

namespace Executions.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class OpenApiTests(PostgresFixture postgres) : OpenApiDocumentTests<ExecutionsService>(postgres)
{
    protected override string[] Routes => ["IngestExecutionEvents", "GetEarliestEvent", "GetExecutionsOverview", "GetExecutionSignals"];
}
