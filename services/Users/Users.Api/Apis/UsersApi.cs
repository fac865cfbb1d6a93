using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.Platform.Earliest;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.Users.Reads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.Users.Apis;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ServiceCatalog.Users.RoutePrefix).WithTags("Users");

        api.MapPost("/events", IngestEvents)
            .RequireAuthorization(Roles.IngestPolicy)
            .Accepts<object[]>("application/json")
            .WithName("IngestUserEvents")
            .WithSummary("Ingest a batch of user.signed_up and user.active events (1–5,000, at most 5 MiB)")
            .WithDescription(IngestRequest.Description)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapEarliestEvent();

        api.MapGet("/overview", GetOverview)
            .RequireAuthorization(Roles.DashboardPolicy)
            .Produces<UsersOverview>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetUsersOverview")
            .WithSummary("User metrics, active workspaces and the users trend of a scope");

        api.MapPost("/names", GetNames)
            .RequireAuthorization(Roles.DashboardPolicy)
            .WithName("GetUserNames")
            .WithSummary("The latest signup name of up to 100 users, each named by workspace and user id")
            .WithDescription("A user nobody has seen sign up is left out of the answer; a workspace the token does not grant is a 403.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/signals", GetSignals)
            .RequireAuthorization(Roles.SignalsPolicy)
            .Produces<Dictionary<string, UserSignals>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetUserSignals")
            .WithSummary("Daily active users of each of up to 5,000 scopes at asOf, as the overview counts them; with days, at each of the days before too, for the goals");

        return app;
    }

    public static Task<Results<Accepted<IngestResult>, ValidationProblem, ProblemHttpResult>> IngestEvents(
        HttpRequest request, UserEventStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        IngestRequest.HandleAsync(request, clock, store, cancellationToken);

    public static async Task<IResult> GetOverview(
        HttpContext context, UsersOverviewQuery query, TimeProvider clock,
        [AsParameters] OverviewQueryString q, CancellationToken cancellationToken)
    {
        var (request, refusal) = OverviewRequest.From(q, context.User, clock);
        return request is null ? refusal! : TypedResults.Ok(await query.GetAsync(request, cancellationToken));
    }

    public static async Task<IResult> GetSignals(
        HttpContext context, UsersSignalsQuery query, TimeProvider clock, SignalsQuery? body, CancellationToken cancellationToken)
    {
        var (request, refusal) = SignalsRequest.From(body, context.User, clock);
        return request is null ? refusal! : TypedResults.Ok(await query.GetAsync(request.Scopes, request.AsOf, request.Days, cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<UserName>>, ValidationProblem, ProblemHttpResult>> GetNames(
        HttpContext context, UserRef[]? users, UserNamesQuery query, CancellationToken cancellationToken)
    {
        if (users is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["the body must be a JSON array of { workspaceId, userId }"] },
                title: "Invalid user list");
        }
        var errors = new Dictionary<string, string[]>();
        if (users.Length > UserNamesQuery.MaxUsers)
        {
            errors["$"] = [$"at most {UserNamesQuery.MaxUsers} users per request, not {users.Length}"];
        }
        for (var i = 0; i < users.Length && errors.Count < 20; i++)
        {
            if (users[i] is null)
            {
                errors[$"[{i}]"] = ["must be an object { workspaceId, userId }"];
                continue;
            }
            if (users[i].WorkspaceId is not { } w || !EventFields.IsValidId(w))
            {
                errors[$"[{i}].workspaceId"] = ["must be 1–128 letters, digits or -_.:@"];
            }
            if (users[i].UserId is not { } u || !EventFields.IsValidId(u))
            {
                errors[$"[{i}].userId"] = ["must be 1–128 letters, digits or -_.:@"];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid user list");
        }

        var foreign = users.Select(u => u.WorkspaceId).FirstOrDefault(w => !context.User.CanSee(w));
        if (foreign is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
                detail: $"The token does not grant workspace '{foreign}'.");
        }
        return TypedResults.Ok(await query.GetAsync(users, cancellationToken));
    }
}
