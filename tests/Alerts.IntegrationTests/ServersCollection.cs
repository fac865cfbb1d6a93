namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>The test classes that share <see cref="AlertsServersFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<AlertsServersFixture>
{
    public const string Name = "servers";
}
