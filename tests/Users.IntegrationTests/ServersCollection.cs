namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>The test classes that share <see cref="UsersServersFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<UsersServersFixture>
{
    public const string Name = "servers";
}
