using Aspire.Hosting.Testing;
using ExecutiveDashboard.Contracts.Services;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>The whole app model with two instances of every service and of the gateway (<c>./run.sh --replicas 2</c>):
/// the orchestrator's proxy spreads the requests over them, and they compete for the broker's messages. Each alerts
/// replica's timer evaluates every second rather than every minute, so that both timers and the consumer of
/// MetricsChanged race over the same scope while a test watches.</summary>
public sealed class ReplicatedDashboardApp() : DashboardApp(replicas: 2)
{
    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        base.Configure(builder);
        SetEnvironment(builder, ServiceCatalog.Alerts.ResourceName, "Alerts__EvaluationInterval", "00:00:01");
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicatedDashboardAppCollection : ICollectionFixture<ReplicatedDashboardApp>
{
    public const string Name = "replicated-dashboard-app";
}
