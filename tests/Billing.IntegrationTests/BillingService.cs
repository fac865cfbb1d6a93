using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Billing.IntegrationTests;

/// <summary>The real billing service (its own Program) over a real PostgreSQL database of its own.</summary>
public sealed class BillingService(string connectionString, string broker)
    : ServiceFactory<Program, BillingOverview>(connectionString, broker, ServiceCatalog.Billing.Database, ServiceCatalog.Billing.RoutePrefix)
{
    public override IReadOnlyList<string> IngestTables => ["ingested_events", "subscription_events", "marketing_spend", "workspaces", "workspace_states"];
}
