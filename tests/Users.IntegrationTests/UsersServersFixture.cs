using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test gets a database of its own.</summary>
public sealed class UsersServersFixture() : ServersFixture<UsersService>("users", (database, broker) => new(database, broker));
