using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using TestSupport;

namespace Users.IntegrationTests;

/// <summary>The real users service (its own Program) over a real PostgreSQL database of its own and the real broker.</summary>
public sealed class UsersService(string connectionString, string broker)
    : ServiceFactory<Program, UsersOverview>(connectionString, broker, ServiceCatalog.Users.Database, ServiceCatalog.Users.RoutePrefix);

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test gets a database of its own.</summary>
public sealed class ServersFixture() : ServersFixture<UsersService>("users", (database, broker) => new(database, broker));

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}

[Collection(ServersCollection.Name)]
public sealed class AuthRulesTests(ServersFixture servers) : DashboardAuthRulesTests<UsersService>(servers)
{
    protected override JsonNode ValidEvent() => Events.SignedUp("ok-1", "ws_1", "u_1", At("2026-11-28T10:00:00Z"), "Ada Lovelace", "ada@example.com");
}
