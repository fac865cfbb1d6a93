using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>The real users service (its own Program) over a real PostgreSQL database of its own and the real broker.</summary>
public sealed class UsersService(string connectionString, string broker)
    : ServiceFactory<Program, UsersOverview>(connectionString, broker, "usersdb", "/api/users")
{
    public override IReadOnlyList<string> IngestTables => ["ingested_events", "signups", "activity_events", "users", "user_activity_spans"];
}
