using Aspire.Hosting.Testing;
using ExecutiveDashboard.AppHost;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.Testing;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>The whole app model, started once for the end-to-end tests (<see cref="RunningApp{TAppHost}"/>).</summary>
public class DashboardApp : RunningApp<Projects.ExecutiveDashboard_AppHost>, IAsyncLifetime
{
    private readonly int _replicas;

    /// <summary>One instance of each, as <c>./run.sh</c> starts by default. xUnit wants a fixture's only public constructor
    /// without parameters, hence the protected one below for <see cref="ReplicatedDashboardApp"/>.</summary>
    public DashboardApp() : this(replicas: 1)
    {
    }

    /// <param name="replicas">Instances of every service and of the gateway (the app host's <c>Replicas</c>).</param>
    protected DashboardApp(int replicas) => _replicas = replicas;

    /// <summary>The alerts service's key pair, given to the app host as configuration (the gateway's it makes itself), so
    /// that tests can sign what the alerts service signs: tokens of the role <c>service</c>.</summary>
    public TestIssuer Alerts { get; } = new(TokenIssuer.Alerts.KeyId, TokenIssuer.Alerts.MaySign);

    public Task InitializeAsync() => StartAppAsync(
        $"{TokenKeyExtensions.SigningKeysSetting}:{Alerts.KeyId}={Alerts.PrivateKey}", $"{ServiceExtensions.ReplicasSetting}={_replicas}");

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>The tests send hundreds of refused requests from one address on purpose (the roles × scopes matrix): the
    /// gateway's failure budget per address, which would answer them 429, is raised for this app. The digests' sender looks
    /// for due digests every 2 s rather than 30, so that a digest test waits for its minute, not for the poll.</summary>
    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        SetEnvironment(builder, "gateway", "RateLimiting__FailureBudget", "100000");
        SetEnvironment(builder, ServiceCatalog.Exports.ResourceName, "Digests__PollInterval", "00:00:02");
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardAppCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "dashboard-app";
}
