using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Gateway.Apis;

public sealed record DevTokenRequest(string? Role, string? Workspaces, string? Name);

public sealed record DevTokenResponse(string Token);

/// <summary>Development only: a signed token for any role and workspaces, so a person or a script
/// can sign in locally. Not mapped outside Development, where it answers 404.</summary>
public static class DevTokenApi
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/token", CreateToken)
            .AllowAnonymous()
            .WithTags("Development")
            .WithName("CreateDevelopmentToken")
            .WithSummary("Development only: issue a token for a role and workspaces");
        return app;
    }

    public static Results<Ok<DevTokenResponse>, ValidationProblem> CreateToken(
        DevTokenRequest request, IConfiguration configuration, TimeProvider clock)
    {
        var role = request.Role ?? Roles.Ceo;
        var workspaces = string.IsNullOrWhiteSpace(request.Workspaces) ? WorkspaceAccess.Everything : request.Workspaces.Trim();
        if (!Roles.All.Contains(role))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["role"] = [$"'{role}' is not one of {string.Join(", ", Roles.All)}"],
            });
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? $"Local {role}" : request.Name.Trim();
        var token = DashboardTokens.Create(DashboardTokens.SigningKey(configuration),
            subject: $"dev:{name.ToLowerInvariant().Replace(' ', '-')}", name, role, workspaces,
            clock.GetUtcNow().UtcDateTime, Lifetime);
        return TypedResults.Ok(new DevTokenResponse(token));
    }
}
