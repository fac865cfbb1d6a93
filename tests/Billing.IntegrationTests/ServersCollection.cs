namespace ExecutiveDashboard.Billing.IntegrationTests;

/// <summary>The test classes that share <see cref="BillingServersFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<BillingServersFixture>
{
    public const string Name = "servers";
}
