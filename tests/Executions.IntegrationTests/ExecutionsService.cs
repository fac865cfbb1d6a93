using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>The real executions service (its own Program) over a real PostgreSQL database of its own.</summary>
public sealed class ExecutionsService(string connectionString, string broker)
    : ServiceFactory<Program, ExecutionsOverview>(connectionString, broker, ServiceCatalog.Executions.Database, ServiceCatalog.Executions.RoutePrefix)
{
    public override IReadOnlyList<string> IngestTables => ["ingested_events", "runs", "agent_events"];
}
