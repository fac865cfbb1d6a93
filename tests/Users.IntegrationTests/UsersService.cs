using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>The real users service (its own Program) over a real PostgreSQL database of its own and the real broker.</summary>
public sealed class UsersService(string connectionString, string broker)
    : ServiceFactory<Program, UsersOverview>(connectionString, broker, ServiceCatalog.Users.Database, ServiceCatalog.Users.RoutePrefix)
{
    public override IReadOnlyList<string> IngestTables => ["ingested_events", "signups", "activity_events", "users", "user_activity_spans"];
}
