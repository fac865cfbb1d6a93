using System.Net;
using ExecutiveDashboard.Contracts.Services;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>The exports service in the app model: a resource of its own that runs and passes its health check, reached
/// only through the gateway's route <c>/api/exports/**</c>, which leaves the token to the service so that a refused
/// request is audited too.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ExportsAppModelTests(DashboardApp app)
{
    [Fact]
    public void Exports_api_is_a_running_healthy_resource()
    {
        var exports = Assert.Single(app.States(), s => s.Resource == ServiceCatalog.Exports.ResourceName);
        Assert.Equal(("exports-api", "Running", "Healthy"), exports);
    }

    [Fact]
    public async Task The_gateway_routes_api_exports_to_the_service()
    {
        // The gateway itself would answer 401 without an audit id: this one comes from the exports service.
        var refused = await ExportAnswer.GetAsync(app.Gateway, "workspace_id=exp_route&timeframe=24h&format=csv");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        refused.Problem();
        Assert.NotEqual(Guid.Empty, refused.AuditId);

        var ceo = await app.SignInAsync("ceo", "exp_route");
        var served = await ExportAnswer.GetAsync(ceo, "workspace_id=exp_route&timeframe=24h&format=csv");
        Assert.True(served.Status == HttpStatusCode.OK, served.ToString());

        using var audit = await ceo.GetAsync(ExportsAudit.Path);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        using var unknown = await ceo.GetAsync("/api/exports/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
