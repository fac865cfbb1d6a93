using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Exports.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(ExportsServersFixture servers) : OpenApiDocumentTests<ExportsService>(servers)
{
    protected override string[] Routes => ["ExportDashboard", "ListExportsAudit", "VerifyExportsAudit"];
}
