using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace ExecutiveDashboard.ServiceDefaults.Queries;

/// <summary>
/// <c>GET /api/{service}/earliest?workspace_id=…</c>: where the timeframe <c>all</c> starts in this
/// service. Every service keeps its earliest event per scope in a <c>scope_bounds</c> table (the
/// platform as <c>*</c>), so the gateway can give every section the same start.
/// </summary>
public static class EarliestEventApi
{
    public const string PlatformKey = "*";

    /// <summary>Records the earliest event per scope from <c>$1</c> scopes and <c>$2</c> times, in ingest.
    /// Scopes whose stored start is already as early are left alone without taking a row lock, so
    /// concurrent batches do not queue on the platform's row.</summary>
    public const string RecordSql = """
        INSERT INTO scope_bounds AS b (scope, earliest_event_at)
        SELECT u.scope, u.earliest FROM unnest($1::text[], $2::timestamptz[]) AS u(scope, earliest)
        WHERE NOT EXISTS (SELECT 1 FROM scope_bounds s WHERE s.scope = u.scope AND s.earliest_event_at <= u.earliest)
        ORDER BY u.scope
        ON CONFLICT (scope) DO UPDATE SET earliest_event_at = excluded.earliest_event_at
        WHERE excluded.earliest_event_at < b.earliest_event_at
        """;

    public static RouteGroupBuilder MapEarliestEvent(this RouteGroupBuilder api)
    {
        api.MapGet("/earliest", GetEarliest)
            .RequireAuthorization(Roles.DashboardPolicy)
            .Produces<EarliestEvent>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetEarliestEvent")
            .WithSummary("The earliest event of a scope: where the timeframe 'all' starts");
        return api;
    }

    public static async Task<IResult> GetEarliest(HttpContext context, NpgsqlDataSource dataSource, TimeProvider clock,
        [AsParameters] OverviewQueryString q, CancellationToken cancellationToken)
    {
        var (request, refusal) = OverviewRequest.From(q, context.User, clock);
        return request is null ? refusal! : TypedResults.Ok(new EarliestEvent(await EarliestAsync(dataSource, request.Scope, cancellationToken)));
    }

    /// <summary>The earliest event of a scope (a workspace id or <c>all</c>), or null without events.</summary>
    public static async Task<DateTime?> EarliestAsync(NpgsqlDataSource dataSource, string scope, CancellationToken cancellationToken) =>
        (await EarliestAsync(dataSource, [scope], cancellationToken)).TryGetValue(scope, out var earliest) ? earliest : null;

    /// <summary>The earliest event of each of these scopes that has one.</summary>
    public static async Task<Dictionary<string, DateTime>> EarliestAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> scopes,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT scope, earliest_event_at FROM scope_bounds WHERE scope = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = scopes.Select(s => s == Scopes.Platform ? PlatformKey : s).ToArray() });
        var earliest = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            earliest[reader.GetString(0) is var scope && scope == PlatformKey ? Scopes.Platform : scope] = reader.GetDateTime(1);
        }
        return earliest;
    }
}
