using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using TestSupport;

namespace Billing.IntegrationTests;

/// <summary>The real billing service (its own Program) over a real PostgreSQL database of its own.</summary>
public sealed class BillingService(string connectionString, string broker)
    : ServiceFactory<Program, BillingOverview>(connectionString, broker, ServiceCatalog.Billing.Database, ServiceCatalog.Billing.RoutePrefix);

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test class gets
/// databases of its own.</summary>
public sealed class PostgresFixture() : ServersFixture<BillingService>("billing", (database, broker) => new(database, broker));

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}

[Collection(PostgresCollection.Name)]
public sealed class AuthRulesTests(PostgresFixture postgres) : DashboardAuthRulesTests<BillingService>(postgres)
{
    protected override JsonNode ValidEvent() => Events.Started("ok-1", "ws_1", "2026-11-10T00:00:00Z", 100m);
}
