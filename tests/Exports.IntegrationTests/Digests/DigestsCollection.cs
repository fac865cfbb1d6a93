using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Exports.IntegrationTests.Digests;

/// <summary>The digests' tests: the exports service's servers and a real SMTP server (smtp4dev).</summary>
[CollectionDefinition(Name)]
public sealed class DigestsCollection : ICollectionFixture<ExportsServersFixture>, ICollectionFixture<SmtpServer>
{
    public const string Name = "digests";
}
