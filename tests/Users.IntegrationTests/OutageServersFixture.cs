using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>A PostgreSQL and a RabbitMQ of their own: this test freezes the database.</summary>
public sealed class OutageServersFixture() : ServersFixture<UsersService>("users_outage", (database, broker) => new(database, broker));
