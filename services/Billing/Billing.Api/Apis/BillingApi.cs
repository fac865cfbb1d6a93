using ExecutiveDashboard.Billing.Ingest;
using ExecutiveDashboard.Billing.Reads;
using ExecutiveDashboard.Billing.Model;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Billing.Apis;

public static class BillingApi
{
    public static IEndpointRouteBuilder MapBillingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ServiceCatalog.Billing.RoutePrefix).WithTags("Billing");

        api.MapPost("/events", IngestEvents)
            .RequireAuthorization(Roles.IngestPolicy)
            .Accepts<object[]>("application/json")
            .WithName("IngestBillingEvents")
            .WithSummary("Ingest a batch of trial, subscription and marketing.spend events (1–5,000, at most 5 MiB)")
            .WithDescription(IngestRequest.Description + " marketing.spend belongs to the platform: sending it needs the '*' grant.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapEarliestEvent();

        api.MapGet("/overview", GetOverview)
            .RequireAuthorization(Roles.DashboardPolicy)
            .Produces<BillingOverview>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetBillingOverview")
            .WithSummary("Business metrics (without active workspaces), MRR movements and the revenue trend of a scope");

        api.MapPost("/signals", GetSignals)
            .RequireAuthorization(Roles.SignalsPolicy)
            .Produces<Dictionary<string, BillingSignals>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetBillingSignals")
            .WithSummary("MRR of each of up to 5,000 scopes at asOf and 24 hours earlier, for the alert rules; with days, MRR and paid workspaces at each of the days before, for the goals");

        return app;
    }

    public static Task<Results<Accepted<IngestResult>, ValidationProblem, ProblemHttpResult>> IngestEvents(
        HttpRequest request, BillingEventStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        IngestRequest.HandleAsync(request, clock, store, cancellationToken);

    public static async Task<IResult> GetOverview(
        HttpContext context, BillingOverviewQuery query, TimeProvider clock,
        [AsParameters] OverviewQueryString q, CancellationToken cancellationToken)
    {
        var (request, refusal) = OverviewRequest.From(q, context.User, clock);
        return request is null ? refusal! : TypedResults.Ok(await query.GetAsync(request, cancellationToken));
    }

    public static async Task<IResult> GetSignals(
        HttpContext context, BillingSignalsQuery query, TimeProvider clock, SignalsQuery? body, CancellationToken cancellationToken)
    {
        var (request, refusal) = SignalsRequest.From(body, context.User, clock);
        return request is null ? refusal! : TypedResults.Ok(await query.GetAsync(request.Scopes, request.AsOf, request.Days, cancellationToken));
    }
}
