using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(AlertsServersFixture servers) : OpenApiDocumentTests<AlertsService>(servers)
{
    protected override string[] Routes => ["ListAlerts", "AcknowledgeAlert", "ListAlertRules", "EditAlertRule", "GetAlertsOverview", "AddAnnotation", "ListAnnotations", "DeleteAnnotation", "ListGoals", "CreateGoal", "UpdateGoal", "DeleteGoal"];
}
