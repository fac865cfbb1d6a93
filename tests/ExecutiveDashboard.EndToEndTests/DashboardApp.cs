using ExecutiveDashboard.Testing;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>The whole app model, started once for the end-to-end tests (<see cref="RunningApp{TAppHost}"/>).</summary>
public sealed class DashboardApp : RunningApp<Projects.ExecutiveDashboard_AppHost>, IAsyncLifetime
{
    public Task InitializeAsync() => StartAppAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class DashboardAppCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "dashboard-app";
}
