namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>The test classes that share <see cref="ExecutionsServersFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ExecutionsServersFixture>
{
    public const string Name = "servers";
}
