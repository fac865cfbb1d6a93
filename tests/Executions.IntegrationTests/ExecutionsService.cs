using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using TestSupport;

namespace Executions.IntegrationTests;

/// <summary>The real executions service (its own Program) over a real PostgreSQL database of its own.</summary>
public sealed class ExecutionsService(string connectionString, string broker)
    : ServiceFactory<Program, ExecutionsOverview>(connectionString, broker, ServiceCatalog.Executions.Database, ServiceCatalog.Executions.RoutePrefix);

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test class gets
/// databases of its own.</summary>
public sealed class PostgresFixture() : ServersFixture<ExecutionsService>("executions", (database, broker) => new(database, broker));

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}

[Collection(PostgresCollection.Name)]
public sealed class AuthRulesTests(PostgresFixture postgres) : DashboardAuthRulesTests<ExecutionsService>(postgres)
{
    protected override JsonNode ValidEvent() => Events.Run("ok-1", "ws_1", "ag_1", "u_1", "succeeded", At("2026-11-28T10:00:00Z"), 10, 1m);
}
