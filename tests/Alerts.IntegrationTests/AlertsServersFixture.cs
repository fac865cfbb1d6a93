using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test gets a database of its own.</summary>
public sealed class AlertsServersFixture() : ServersFixture<AlertsService>("alerts", (database, broker) => new(database, broker));
