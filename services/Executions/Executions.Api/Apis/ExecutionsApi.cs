using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.Executions.Reads;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Executions.Apis;

public static class ExecutionsApi
{
    public static IEndpointRouteBuilder MapExecutionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ServiceCatalog.Executions.RoutePrefix).WithTags("Executions");

        api.MapPost("/events", IngestEvents)
            .RequireAuthorization(Roles.IngestPolicy)
            .Accepts<object[]>("application/json")
            .WithName("IngestExecutionEvents")
            .WithSummary("Ingest a batch of agent.created and run.completed events (1–5,000, at most 5 MiB)")
            .WithDescription(IngestRequest.Description)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapEarliestEvent();

        api.MapGet("/overview", GetOverview)
            .RequireAuthorization(Roles.DashboardPolicy)
            .Produces<ExecutionsOverview>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetExecutionsOverview")
            .WithSummary("Execution metrics, agent metrics, top users and the execution and error trends of a scope");

        api.MapPost("/signals", GetSignals)
            .RequireAuthorization(Roles.SignalsPolicy)
            .Produces<Dictionary<string, ExecutionSignals>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetExecutionSignals")
            .WithSummary("The run totals the alert rules need for each of up to 5,000 scopes at asOf (last hour, previous week, last two days)");

        return app;
    }

    public static Task<Results<Accepted<IngestResult>, ValidationProblem, ProblemHttpResult>> IngestEvents(
        HttpRequest request, ExecutionEventStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        IngestRequest.HandleAsync(request, clock, store, cancellationToken);

    public static async Task<IResult> GetOverview(
        HttpContext context, ExecutionsOverviewQuery query, TimeProvider clock,
        [AsParameters] OverviewQueryString q, CancellationToken cancellationToken)
    {
        var (request, refusal) = OverviewRequest.From(q, context.User, clock);
        return request is null ? refusal! : TypedResults.Ok(await query.GetAsync(request, cancellationToken));
    }

    public static async Task<IResult> GetSignals(
        HttpContext context, ExecutionSignalsQuery query, TimeProvider clock, SignalsQuery? body, CancellationToken cancellationToken)
    {
        var (request, refusal) = SignalsRequest.From(body, context.User, clock);
        return request is null ? refusal! : TypedResults.Ok(await query.GetAsync(request.Scopes, request.AsOf, request.Days, cancellationToken));
    }
}
