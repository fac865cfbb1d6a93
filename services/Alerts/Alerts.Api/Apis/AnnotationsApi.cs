using ExecutiveDashboard.Alerts.Annotations;
using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ExecutiveDashboard.Alerts.Apis;

/// <summary>
/// Notes on the timeline that every chart shows: written by people (ceo, admin) and by the systems that deploy or run
/// campaigns (the ingest role), read and deleted by dashboard readers. Each is held to the token's workspaces: a scope the
/// token does not grant is a 403 to write or read, and an annotation of such a scope is a 404 to delete, as if it did
/// not exist. The platform scope <c>all</c> needs the grant '*'.
/// </summary>
public static class AnnotationsApi
{
    public static IEndpointRouteBuilder MapAnnotationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ServiceCatalog.AnnotationsRoutePrefix).WithTags("Annotations");

        api.MapPost("/", AddAnnotation)
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Ceo, Roles.Admin, Roles.Ingest))
            .Accepts<AnnotationBody>("application/json")
            .WithName("AddAnnotation")
            .WithSummary("Mark a moment of a workspace's timeline (or of every workspace's, with scope 'all'): a deploy, an incident, a campaign or a note")
            .WithDescription("Takes { at, scope, kind, text }: at an ISO 8601 time with an offset from 2000-01-01 to one day after now; scope a "
                + "workspace id the token grants, or 'all' (needs '*'); kind deploy, incident, campaign or note; text 1–500 characters without "
                + "control characters. Other properties are ignored. Roles ingest, ceo or admin. Answers 201 with the annotation. Nothing of a "
                + "refused request is stored.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/", ListAnnotations)
            .RequireAuthorization(Roles.DashboardPolicy)
            .WithName("ListAnnotations")
            .WithSummary($"The annotations a chart of a scope shows from 'from' to 'to' (default: all time): the scope's and the platform's ('all'), oldest first, at most {AnnotationStore.MaxListLimit}")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapDelete("/{id}", DeleteAnnotation)
            .RequireAuthorization(Roles.DashboardPolicy)
            .WithName("DeleteAnnotation")
            .WithSummary("Delete an annotation; one of a scope the token does not grant is answered like one that does not exist: 404")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Results<Created<Annotation>, ValidationProblem, ProblemHttpResult>> AddAnnotation(
        HttpRequest request, AnnotationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (document, refusal) = await JsonBody.ReadAsync(request, AnnotationRequest.MaxBytes, "An annotation", cancellationToken);
        if (document is null)
        {
            return refusal!;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        NewAnnotation? annotation;
        Dictionary<string, string[]> errors;
        using (document)
        {
            (annotation, errors) = AnnotationRequest.Parse(document.RootElement, now);
        }
        if (annotation is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid annotation", detail: "Nothing was stored.");
        }
        if (!request.HttpContext.User.CanSee(annotation.Scope))
        {
            return NotGranted(annotation.Scope, " Nothing was stored.");
        }
        var stored = await store.AddAsync(annotation, Actor.Of(request.HttpContext.User).Subject, now, cancellationToken);
        return TypedResults.Created($"{ServiceCatalog.AnnotationsRoutePrefix}/{stored.Id}", stored);
    }

    public static async Task<Results<Ok<List<Annotation>>, ValidationProblem, ProblemHttpResult>> ListAnnotations(
        HttpContext context, AnnotationStore store, TimeProvider clock,
        [FromQuery(Name = "workspace_id")] string? workspaceId, [FromQuery(Name = "from")] string? from,
        [FromQuery(Name = "to")] string? to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        if (!Scopes.IsValid(workspaceId))
        {
            errors["workspace_id"] = [Scopes.Rule];
        }
        var start = from is null ? Bounds.EarliestTime : OverviewRequest.ParseTime("from", from, now, errors);
        var end = to is null ? Bounds.LatestTime(now) : OverviewRequest.ParseTime("to", to, now, errors);
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && end <= start)
        {
            errors["to"] = ["must be later than from"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid annotations query");
        }
        if (!context.User.CanSee(workspaceId!))
        {
            return NotGranted(workspaceId!, "");
        }
        return TypedResults.Ok((await store.ListAsync(workspaceId!, start, end, AnnotationStore.MaxListLimit, cancellationToken)).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAnnotation(
        string id, HttpContext context, AnnotationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var key)
            || await store.FindAsync(key, cancellationToken) is not { } annotation
            || !context.User.CanSee(annotation.Scope)
            || !await store.DeleteAsync(annotation, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Annotation not found",
                detail: "No annotation of a workspace this token grants has this id.");
        }
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotGranted(string scope, string more) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
            detail: (scope == Scopes.Platform
                ? "Platform-wide annotations ('all') need a token with workspaces '*'."
                : $"The token does not grant workspace '{scope}'.") + more);
}
