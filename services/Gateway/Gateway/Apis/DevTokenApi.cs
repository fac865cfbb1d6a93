using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Gateway.Model;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Gateway.Apis;

/// <summary>Development only: a token for any role and workspaces, signed with the gateway's own key, so a person or
/// a script can sign in locally. Not mapped outside Development, where it answers 404.</summary>
public static class DevTokenApi
{
    /// <summary>More would make a token too large for a request header.</summary>
    public const int MaxWorkspaces = 100;

    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/token", CreateToken)
            .AllowAnonymous()
            .WithTags("Development")
            .WithName("CreateDevelopmentToken")
            .WithSummary("Development only: issue a token for a role and workspaces")
            .WithDescription("Paste the token into the API reference's Bearer field to try the other routes.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    public static Results<Ok<DevTokenResponse>, ValidationProblem, ProblemHttpResult> CreateToken(
        DevTokenRequest? request, TokenKeys keys, TimeProvider clock)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid token request");
        }
        if (keys.Signing is not { } key)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No signing key",
                detail: $"The gateway has no {TokenKeys.SigningKeySetting}; the app host gives it one.");
        }

        var role = request!.Role!;
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"Local {role}" : request.Name.Trim();
        // A subject of its own per token: two people who type the same name share no rate limit and no card layout.
        var token = DashboardTokens.Create(key, subject: $"dev:{Guid.NewGuid():N}", name, role,
            string.Join(' ', WorkspacesOf(request.Workspaces)), clock.GetUtcNow().UtcDateTime, TokenRules.MaxPersonLifetime);
        return TypedResults.Ok(new DevTokenResponse(token));
    }

    private static Dictionary<string, string[]> Validate(DevTokenRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.Role is not { } role || !Roles.All.Contains(role))
        {
            errors["role"] = [$"is required: one of {string.Join(", ", Roles.All)}"];
        }

        var workspaces = WorkspacesOf(request?.Workspaces);
        if (workspaces.Length is 0 or > MaxWorkspaces)
        {
            errors["workspaces"] = [$"is required: 1–{MaxWorkspaces} space-separated workspace ids, or '{WorkspaceAccess.Everything}' for the whole platform"];
        }
        else if (workspaces.Any(w => w != WorkspaceAccess.Everything && !EventFields.IsValidId(w)))
        {
            errors["workspaces"] = [$"each must be a workspace id (1–{EventFields.MaxIdLength} letters, digits or -_.:@) or '{WorkspaceAccess.Everything}'"];
        }

        if (request?.Name is { } name && (name.Trim().Length > EventFields.MaxTextLength || !Bounds.IsCleanText(name)))
        {
            errors["name"] = [$"must be at most {EventFields.MaxTextLength} characters, without control characters"];
        }
        return errors;
    }

    private static string[] WorkspacesOf(string? workspaces) =>
        workspaces?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
