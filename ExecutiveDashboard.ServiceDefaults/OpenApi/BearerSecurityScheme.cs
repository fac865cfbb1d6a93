using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ExecutiveDashboard.ServiceDefaults.OpenApi;

/// <summary>Declares the JWT bearer scheme of <see cref="Auth.AuthExtensions.AddDashboardAuth"/>, and drops the servers the
/// generator derives from the request: a document fetched through the gateway would otherwise send "try it" requests to
/// the service's own address, which a browser cannot reach.</summary>
public sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Name = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An ES256 token: in Development, POST /api/dev/token at the gateway issues one.",
        };
        return Task.CompletedTask;
    }
}
