using System.Text.Json;
using ExecutiveDashboard.Alerts.Evaluation;
using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>The goals: a ceo or admin sets, reads, edits and deletes them for the scopes their token grants (the platform
/// <c>all</c> with <c>*</c>). A goal of a scope the token does not grant is answered like one that does not exist.</summary>
public static class GoalsApi
{
    public static IEndpointRouteBuilder MapGoalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ServiceCatalog.GoalsRoutePrefix).WithTags("Goals").RequireAuthorization(Roles.DashboardPolicy);

        api.MapGet("/", ListGoals)
            .WithName("ListGoals")
            .WithSummary("The goals of a scope with their latest evaluation (current value, projection, progress, status)")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/", CreateGoal)
            .WithName("CreateGoal")
            .WithSummary("Set a goal: { workspaceId, metric, target, targetDate }; one per metric and scope (409 for a second)")
            .WithDescription($"metric is one of {GoalMetric.Names}; target a number above 0 within the metric's bounds (whole for "
                + $"counts, at most 2 decimals otherwise, at most 100 for successRate); targetDate a day (yyyy-MM-dd) after today, UTC, "
                + $"at most {GoalInput.MaxYearsAhead} years ahead.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPut("/{id:guid}", UpdateGoal)
            .WithName("UpdateGoal")
            .WithSummary("Change a goal's metric, target and target date (its scope stays); a new metric starts from a new baseline")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapDelete("/{id:guid}", DeleteGoal)
            .WithName("DeleteGoal")
            .WithSummary("Delete a goal; its off-track alert resolves at the next evaluation")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<Goal>>, ValidationProblem, ProblemHttpResult>> ListGoals(
        HttpContext context, GoalStore store, [FromQuery(Name = "workspace_id")] string? workspaceId, CancellationToken cancellationToken)
    {
        if (!Scopes.IsValid(workspaceId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["workspace_id"] = [Scopes.Rule] }, title: "Invalid goals query");
        }
        if (!context.User.CanSee(workspaceId))
        {
            return NotAllowed(workspaceId);
        }
        return TypedResults.Ok(await store.ListAsync([workspaceId], cancellationToken));
    }

    public static async Task<Results<Created<Goal>, ValidationProblem, ProblemHttpResult>> CreateGoal(
        Dictionary<string, JsonElement>? body, HttpContext context, GoalStore store, ChangedScopes changed, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (input, errors) = GoalInput.Parse(body, withScope: true, now);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid goal");
        }
        if (!context.User.CanSee(input.Scope!))
        {
            return NotAllowed(input.Scope!);
        }
        if (await store.CreateAsync(input.Scope!, input, Actor.Of(context.User).Subject, now, cancellationToken) is not { } goal)
        {
            return Duplicate(input);
        }
        changed.Mark([goal.WorkspaceId]);
        return TypedResults.Created($"{ServiceCatalog.GoalsRoutePrefix}/{goal.Id}", goal);
    }

    public static async Task<Results<Ok<Goal>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateGoal(
        Guid id, Dictionary<string, JsonElement>? body, HttpContext context, GoalStore store, ChangedScopes changed, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (input, errors) = GoalInput.Parse(body, withScope: false, now);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid goal");
        }
        if (await store.FindAsync(id, cancellationToken) is not { } goal || !context.User.CanSee(goal.WorkspaceId))
        {
            return TypedResults.NotFound();
        }
        if (await store.UpdateAsync(goal, input, now, cancellationToken) is not { } updated)
        {
            return Duplicate(input with { Scope = goal.WorkspaceId });
        }
        changed.Mark([updated.WorkspaceId]);
        return TypedResults.Ok(updated);
    }

    public static async Task<Results<NoContent, NotFound>> DeleteGoal(
        Guid id, HttpContext context, GoalStore store, ChangedScopes changed, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } goal || !context.User.CanSee(goal.WorkspaceId))
        {
            return TypedResults.NotFound();
        }
        await store.DeleteAsync(goal, clock.GetUtcNow().UtcDateTime, cancellationToken);
        changed.Mark([goal.WorkspaceId]);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotAllowed(string scope) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
            detail: scope == Scopes.Platform
                ? "The whole platform ('all') needs a token with workspaces '*'."
                : $"The token does not grant workspace '{scope}'.");

    private static ProblemHttpResult Duplicate(GoalInput input) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Goal exists",
            detail: $"'{input.Scope}' already has a goal on {input.Metric.Name}: edit it instead (PUT {ServiceCatalog.GoalsRoutePrefix}/{{id}}).");
}
