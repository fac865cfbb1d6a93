using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test gets a database of its own.</summary>
public sealed class ExportsServersFixture() : ServersFixture<ExportsService>("exports", (database, broker) => new(database, broker));
