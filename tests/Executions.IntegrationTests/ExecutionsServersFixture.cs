using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test gets a database of its own.</summary>
public sealed class ExecutionsServersFixture() : ServersFixture<ExecutionsService>("executions", (database, broker) => new(database, broker));
