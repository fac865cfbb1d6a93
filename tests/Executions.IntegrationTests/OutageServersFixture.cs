using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>A PostgreSQL and a RabbitMQ of their own: these tests freeze them.</summary>
public sealed class OutageServersFixture() : ServersFixture<ExecutionsService>("outage", (database, broker) => new(database, broker));
