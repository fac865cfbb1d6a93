using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Exports.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class OpenApiTests(ExportsServersFixture servers) : OpenApiDocumentTests<ExportsService>(servers)
{
    protected override string[] Routes => ["DeleteDigests", "ExportDashboard", "GetDigests", "ListExportsAudit", "SaveDigests", "VerifyExportsAudit"];
}
