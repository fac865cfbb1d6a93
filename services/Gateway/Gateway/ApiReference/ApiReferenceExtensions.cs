using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.ServiceDefaults.OpenApi;
using Scalar.AspNetCore;

namespace ExecutiveDashboard.Gateway.ApiReference;

/// <summary>
/// Development only: the interactive API reference (Scalar) at <c>/scalar</c>, over the gateway's own OpenAPI document and
/// each service's, which the gateway forwards from <c>/openapi/services/{service}.json</c> (the Development routes of
/// appsettings.Development.json). Every document leaves out servers, so "try it" goes to the gateway, where the
/// services' routes are proxied: get a token from <c>POST /api/dev/token</c> and paste it into the Bearer field.
/// </summary>
public static class ApiReferenceExtensions
{
    public const string GatewayDocument = "v1";

    /// <summary>Where the gateway forwards a service's document from: a path of its own, apart from the gateway's
    /// <c>/openapi/{documentName}.json</c>.</summary>
    public static string ServiceDocumentPath(string service) => $"/openapi/services/{service}.json";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }
        app.MapScalarApiReference(options => options
            .WithTitle("Executive Dashboard API")
            .AddDocument(GatewayDocument, "Gateway")
            .AddDocuments(ServiceCatalog.Proxied.Select(s => s.Name).Select(service =>
                new ScalarDocument(service, $"{char.ToUpperInvariant(service[0])}{service[1..]} service", ServiceDocumentPath(service))))
            .AddPreferredSecuritySchemes([BearerSecurityScheme.Name])
            .EnablePersistentAuthentication()
            // The reference stays on this machine: no hosted AI agent or MCP server is offered the API, and no telemetry leaves.
            .DisableAgent()
            .DisableMcp()
            .DisableTelemetry()
            .HideDeveloperTools()).AllowAnonymous();
        return app;
    }
}
