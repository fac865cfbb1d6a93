using TestSupport;

namespace Alerts.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class OpenApiTests(PostgresFixture postgres) : OpenApiDocumentTests<AlertsService>(postgres)
{
    protected override string[] Routes => ["ListAlerts", "AcknowledgeAlert", "ListAlertRules", "EditAlertRule"];
}
