using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ExecutiveDashboard.ServiceDefaults.OpenApi;

/// <summary>A route that needs a token requires the <see cref="BearerSecurityScheme"/> and answers 401 (no valid token) and
/// 403 (a role it does not allow) before its handler runs, as RFC 7807 problems: said once here rather than on every route.</summary>
public sealed class AuthorizationResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSecurityScheme.Name, context.Document)] = [] });
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Problem("No valid bearer token"));
        operation.Responses.TryAdd("403", Problem("The token's role, or its workspaces, do not allow this request"));
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
    };
}
