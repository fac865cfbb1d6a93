using System.Globalization;
using System.Text.Json;
using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Alerts.Storage;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ExecutiveDashboard.Alerts.Apis;

public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ServiceCatalog.Alerts.RoutePrefix).WithTags("Alerts").RequireAuthorization(Roles.DashboardPolicy);

        api.MapGet("/", ListAlerts)
            .Produces<List<AlertView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("ListAlerts")
            .WithSummary("Alerts of a scope as of asOf (default now): active, resolved or all, at most limit (1–500, default 500)")
            .WithDescription("Active alerts come first, highest severity first, then newest; resolved ones follow, newest resolution first. "
                + "state=all is therefore the active list followed by the recently resolved, and a limit keeps the active ones.");

        api.MapPost("/{id:guid}/acknowledge", Acknowledge)
            .WithName("AcknowledgeAlert")
            .WithSummary("Mark an alert as seen (it stays active until its condition clears); the first acknowledgement stays")
            .WithDescription("The first acknowledgement records the token's subject and name and tells the scope's live viewers; a repeat "
                + "answers the alert as it is. An alert of a workspace the token does not grant is answered like one that does not exist: 404.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/rules", ListRules)
            .WithName("ListAlertRules")
            .WithSummary("The built-in rules with the thresholds in force and their allowed ranges")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPut("/rules/{rule}", EditRule)
            .WithName("EditAlertRule")
            .WithSummary("Change some thresholds of a rule (a JSON object of parameter → number); needs the platform grant '*'")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    /// <summary>The overview passes its timeframe and the reader's tz and weekStart too; they do not matter for alerts and are
    /// only validated.</summary>
    public static async Task<IResult> ListAlerts(
        HttpContext context, AlertStore store, TimeProvider clock,
        [FromQuery(Name = "workspace_id")] string? workspaceId, [FromQuery(Name = "state")] string? state,
        [FromQuery(Name = "asOf")] string? asOf, [FromQuery(Name = "timeframe")] string? timeframe,
        [FromQuery(Name = "limit")] string? limit, [FromQuery(Name = "tz")] string? tz, [FromQuery(Name = "weekStart")] string? weekStart,
        CancellationToken cancellationToken)
    {
        var (parsedState, parsedLimit) = (ParseState(state), ParseLimit(limit));
        if (parsedState is not { } listed || parsedLimit is not { } atMost)
        {
            var errors = new Dictionary<string, string[]>();
            if (parsedState is null)
            {
                errors["state"] = ["must be one of active (the default), resolved, all"];
            }
            if (parsedLimit is null)
            {
                errors["limit"] = [$"must be a whole number from 1 to {AlertStore.MaxListLimit} (the default)"];
            }
            return TypedResults.ValidationProblem(errors, title: "Invalid alerts query");
        }
        var (request, refusal) = OverviewRequest.From(workspaceId, timeframe, asOf, context.User, clock, tz: tz, weekStart: weekStart);
        if (request is null)
        {
            return refusal!;
        }
        var alerts = await store.ListAsync(request.Scope, listed, request.AsOf, atMost, cancellationToken);
        return TypedResults.Ok(alerts.Select(a => AlertView.From(a, request.AsOf)).ToList());
    }

    /// <summary>The wire names only: <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would also take numbers,
    /// padding and comma-joined names ("active,resolved" reads as resolved).</summary>
    private static AlertState? ParseState(string? state) => state switch
    {
        null or "active" => AlertState.Active,
        "resolved" => AlertState.Resolved,
        "all" => AlertState.All,
        _ => null,
    };

    /// <summary>Digits only: an int parameter would take a sign or padding, and answer "1e3" or a number past int with a
    /// bare 400 that names nothing.</summary>
    private static int? ParseLimit(string? limit) =>
        limit is null ? AlertStore.MaxListLimit
        : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= AlertStore.MaxListLimit ? parsed
        : null;

    /// <summary>An alert of a workspace the token does not grant is answered like one that does not exist.</summary>
    public static async Task<Results<Ok<AlertView>, NotFound>> Acknowledge(
        Guid id, HttpContext context, AlertStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var alert = await store.FindAsync(id, cancellationToken);
        if (alert is null || !context.User.CanSee(alert.Scope))
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var acknowledged = await store.AcknowledgeAsync(id, Actor.Of(context.User), now, cancellationToken);
        return TypedResults.Ok(AlertView.From(acknowledged, now));
    }

    public static async Task<Ok<List<RuleView>>> ListRules(AlertStore store, CancellationToken cancellationToken)
    {
        var settings = await store.SettingsAsync(cancellationToken);
        return TypedResults.Ok(RuleBook.All.Select(r => RuleView.From(r, settings[r.Name])).ToList());
    }

    /// <summary>Rules apply to every scope, so changing them is a platform decision: it needs the '*' grant.</summary>
    public static async Task<Results<Ok<RuleView>, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> EditRule(
        string rule, Dictionary<string, JsonElement>? parameters, HttpContext context, AlertStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (RuleBook.Find(rule) is not { } found)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound, Title = "Unknown rule",
                Detail = $"'{rule}' is not one of {string.Join(", ", RuleBook.All.Select(r => r.Name))}.",
            });
        }
        if (!context.User.HasPlatformGrant())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Platform grant required",
                detail: "Rules apply to every workspace: editing them needs a token with workspaces '*'.");
        }
        var current = (await store.SettingsAsync(cancellationToken))[rule];
        var (edited, errors) = RuleBook.Edit(found, current, parameters);
        if (edited is null)
        {
            return TypedResults.ValidationProblem(errors, title: $"Invalid thresholds for {rule}");
        }
        await store.SaveSettingsAsync(rule, edited, Actor.Of(context.User).Subject, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(RuleView.From(found, edited));
    }
}
