using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.ServiceDefaults.OpenApi;

/// <summary>
/// The OpenAPI document every service serves at <c>/openapi/v1.json</c>, in every environment: it is metadata of
/// routes the README documents anyway, holds no data, and the services are reached from outside only through the
/// gateway, which forwards the documents in Development only (for its API reference). Each document declares the
/// bearer scheme, the 401 and 403 of every route that needs a token, and no server of its own, so that a reader of
/// it (the gateway's API reference) sends its requests to the origin it was loaded from: the gateway.
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IHostApplicationBuilder AddDefaultOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityScheme>();
            options.AddOperationTransformer<AuthorizationResponses>();
        });
        return builder;
    }
}
