using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(AlertsServersFixture servers) : OpenApiDocumentTests<AlertsService>(servers)
{
    protected override string[] Routes => ["ListAlerts", "GetAlertsOverview", "AcknowledgeAlert", "ListAlertRules", "EditAlertRule", "ListGoals", "CreateGoal", "UpdateGoal", "DeleteGoal"];
}
