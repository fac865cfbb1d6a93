using ExecutiveDashboard.Alerts.Annotations;
using ExecutiveDashboard.Alerts.Goals;
using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Alerts.Storage;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Alerts.Apis;

/// <summary>The alerts service's part of the overview in one answer, so the gateway reaches it in one call whatever
/// sections it feeds.</summary>
public static class AlertsOverviewApi
{
    public static IEndpointRouteBuilder MapAlertsOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{ServiceCatalog.Alerts.RoutePrefix}/overview", GetOverview)
            .RequireAuthorization(Roles.DashboardPolicy)
            .WithTags("Alerts")
            .Produces<AlertsOverview>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetAlertsOverview")
            .WithSummary("The sections of the overview the alerts service feeds: the alerts active at asOf, the annotations of the period and the scope's goals")
            .WithDescription("Takes the overview's query (workspace_id, timeframe, asOf, start). The annotations are the scope's and the "
                + "platform's ('all') with at in the period [start, asOf), oldest first. Goals are not historical: every asOf shows them as they "
                + "are, with their latest evaluation.");
        return app;
    }

    public static async Task<IResult> GetOverview(
        HttpContext context, AlertStore alerts, AnnotationStore annotations, GoalStore goals, TimeProvider clock,
        [AsParameters] OverviewQueryString query, CancellationToken cancellationToken)
    {
        var (request, refusal) = OverviewRequest.From(query, context.User, clock);
        if (request is null)
        {
            return refusal!;
        }
        var period = ReportingPeriod.For(request.Timeframe, request.AsOf, request.AllStart).Current;
        var active = alerts.ListAsync(request.Scope, AlertState.Active, request.AsOf, AlertStore.MaxListLimit, cancellationToken);
        var marked = annotations.ListAsync(request.Scope, period.Start, period.End, AnnotationStore.MaxListLimit, cancellationToken);
        var goalsOf = goals.ListAsync([request.Scope], cancellationToken);
        await Task.WhenAll(active, marked, goalsOf);
        return TypedResults.Ok(new AlertsOverview(
            active.Result.Select(a => AlertView.From(a, request.AsOf)).Select(a => new ActiveAlert(a.Id, a.Type, a.Message, a.Severity, a.TriggeredAt)).ToList(),
            marked.Result,
            goalsOf.Result));
    }
}
