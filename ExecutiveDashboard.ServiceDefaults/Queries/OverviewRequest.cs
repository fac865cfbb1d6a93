using System.Globalization;
using System.Security.Claims;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExecutiveDashboard.ServiceDefaults.Queries;

/// <summary>The query every dashboard read takes: <c>workspace_id</c> (an id or <c>all</c>),
/// <c>timeframe</c> (default 7d) and <c>asOf</c> (ISO 8601 with an offset; default now).</summary>
public sealed record OverviewRequest(string Scope, Timeframe Timeframe, DateTime AsOf)
{
    public const string DefaultTimeframe = "7d";

    /// <returns>The request, or the 400 or 403 problem that refuses it.</returns>
    public static (OverviewRequest? Request, IResult? Refusal) From(
        string? workspaceId, string? timeframe, string? asOf, ClaimsPrincipal user, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(workspaceId))
        {
            errors["workspace_id"] = ["is required: a workspace id, or 'all' for the whole platform"];
        }
        if (!Timeframes.TryParse(timeframe ?? DefaultTimeframe, out var parsedTimeframe))
        {
            errors["timeframe"] = [$"'{timeframe}' is not one of {Timeframes.Allowed}"];
        }

        var at = clock.GetUtcNow().UtcDateTime;
        if (asOf is not null)
        {
            if (DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                && (asOf.EndsWith('Z') || asOf.EndsWith('z') || parsed.Offset != TimeSpan.Zero || asOf.Contains('+') || asOf.LastIndexOf('-') > asOf.IndexOf('T')))
            {
                at = parsed.UtcDateTime;
            }
            else
            {
                errors["asOf"] = [$"'{asOf}' is not an ISO 8601 time with an offset, e.g. 2026-11-29T12:00:00Z"];
            }
        }

        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors, title: "Invalid dashboard query"));
        }
        if (!user.CanSee(workspaceId!))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
                detail: workspaceId == Scopes.Platform
                    ? "The whole platform ('all') needs a token with workspaces '*'."
                    : $"The token does not grant workspace '{workspaceId}'."));
        }
        return (new OverviewRequest(workspaceId!, parsedTimeframe, DateTime.SpecifyKind(at, DateTimeKind.Utc)), null);
    }
}
