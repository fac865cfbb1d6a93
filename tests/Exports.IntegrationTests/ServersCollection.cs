namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary>The test classes that share <see cref="ExportsServersFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ExportsServersFixture>
{
    public const string Name = "servers";
}
