using System.Security.Claims;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;
using static ExecutiveDashboard.Contracts.Metrics.Scopes;

namespace ExecutiveDashboard.Platform.Queries;

/// <summary>A validated <see cref="SignalsQuery"/>: distinct scopes, each a workspace id or <c>all</c> that the token may see
/// (the overview's rules), asOf with its offset, within <see cref="Bounds"/>, to the millisecond, and the days of daily
/// history (0 to <see cref="SignalsQuery.MaxDays"/>).</summary>
public sealed record SignalsRequest(IReadOnlyList<string> Scopes, DateTime AsOf, int Days = 0)
{
    /// <returns>The request, or the 400 or 403 problem that refuses it.</returns>
    public static (SignalsRequest? Request, IResult? Refusal) From(SignalsQuery? query, ClaimsPrincipal user, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var given = query?.Scopes ?? [];
        var scopes = given.Distinct(StringComparer.Ordinal).ToList();
        var errors = new Dictionary<string, string[]>();
        if (scopes.Count == 0)
        {
            errors["scopes"] = ["is required: at least one workspace id, or 'all' for the whole platform"];
        }
        else if (scopes.Count > SignalsQuery.MaxScopes)
        {
            errors["scopes"] = [$"has {scopes.Count} scopes; at most {SignalsQuery.MaxScopes} per request"];
        }
        else if (FirstInvalid(given) is { } bad)
        {
            // Named by index, not by value: a bad scope may be anything, of any length.
            errors[$"scopes[{bad}]"] = [Rule];
        }
        if (query?.AsOf is { Kind: DateTimeKind.Unspecified })
        {
            errors["asOf"] = ["must state its offset, e.g. 2026-11-29T12:00:00Z"];
        }
        else if (query?.AsOf is { } asOf && !Bounds.IsWithin(asOf.ToUniversalTime(), now))
        {
            errors["asOf"] = [Bounds.TimeRange(now)];
        }
        if (query?.Days is < 0 or > SignalsQuery.MaxDays)
        {
            errors["days"] = [$"must be a whole number from 0 to {SignalsQuery.MaxDays}"];
        }
        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors, title: "Invalid signals query"));
        }
        if (scopes.FirstOrDefault(s => !user.CanSee(s)) is { } refused)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
                detail: $"The token does not grant scope '{refused}'."));
        }
        var at = query!.AsOf?.ToUniversalTime() ?? now;
        return (new SignalsRequest(scopes, OverviewRequest.ToMillisecond(at), query.Days), null);
    }

    private static int? FirstInvalid(IReadOnlyList<string> scopes)
    {
        for (var i = 0; i < scopes.Count; i++)
        {
            if (!IsValid(scopes[i]))
            {
                return i;
            }
        }
        return null;
    }
}
