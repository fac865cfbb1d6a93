using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Exports.Apis;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup($"{ServiceCatalog.Exports.RoutePrefix}/audit").WithTags("Exports audit")
            .RequireAuthorization(Roles.DashboardPolicy);

        api.MapGet("/", ListAudit)
            .WithName("ListExportsAudit")
            .WithSummary("Every export request with its outcome, newest first, paged; only the scopes the token covers ('*': all)")
            .WithDescription("Filters: from and to (ISO 8601 with an offset, [from, to)), subject, outcome, workspace_id. "
                             + $"limit: 1–{AuditQueryString.MaxLimit} (default {AuditQueryString.DefaultLimit}); cursor: the next of the previous page.");

        api.MapGet("/verify", VerifyAudit)
            .WithName("VerifyExportsAudit")
            .WithSummary("Recompute the audit's hash chain; needs the platform grant '*'")
            .WithDescription("firstInvalidId names the first record whose hash does not follow from its content and its predecessor's.");

        return app;
    }

    public static async Task<Results<Ok<AuditPage>, ValidationProblem, ProblemHttpResult>> ListAudit(
        [AsParameters] AuditQueryString queryString, HttpContext context, AuditLog audit, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (query, errors) = queryString.Parse(clock.GetUtcNow().UtcDateTime);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid audit query");
        }
        if (query.Scope is { } scope && !context.User.CanSee(scope))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
                detail: $"The token does not grant scope '{scope}'.");
        }
        return TypedResults.Ok(await audit.ListAsync(query, context.User.Workspaces(), cancellationToken));
    }

    /// <summary>The chain spans every workspace, so only a token that sees them all may check it.</summary>
    public static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAudit(
        HttpContext context, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!context.User.HasPlatformGrant())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Platform grant required",
                detail: "The audit chain spans every workspace: verifying it needs a token with workspaces '*'.");
        }
        return TypedResults.Ok(await audit.VerifyAsync(cancellationToken));
    }
}
