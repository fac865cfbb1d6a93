namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>The test classes that share <see cref="OutageServersFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageServersFixture>
{
    public const string Name = "outage";
}
