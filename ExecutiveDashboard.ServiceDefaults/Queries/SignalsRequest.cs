using System.Security.Claims;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http;

namespace ExecutiveDashboard.ServiceDefaults.Queries;

/// <summary>A validated <see cref="SignalsQuery"/>: distinct scopes, each one the token may see (the overview's rules),
/// and asOf to the millisecond.</summary>
public sealed record SignalsRequest(IReadOnlyList<string> Scopes, DateTime AsOf)
{
    /// <returns>The request, or the 400 or 403 problem that refuses it.</returns>
    public static (SignalsRequest? Request, IResult? Refusal) From(SignalsQuery? query, ClaimsPrincipal user, TimeProvider clock)
    {
        var scopes = query?.Scopes?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        string? error = scopes.Count switch
        {
            0 => "is required: at least one workspace id, or 'all' for the whole platform",
            > SignalsQuery.MaxScopes => $"has {scopes.Count} scopes; at most {SignalsQuery.MaxScopes} per request",
            _ => scopes.Any(string.IsNullOrWhiteSpace) ? "holds an empty scope" : null,
        };
        if (error is not null)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scopes"] = [error] }, title: "Invalid signals query"));
        }
        if (scopes.FirstOrDefault(s => !user.CanSee(s)) is { } refused)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Workspace not allowed",
                detail: $"The token does not grant scope '{refused}'."));
        }
        var at = query!.AsOf is { } asOf ? asOf.ToUniversalTime() : clock.GetUtcNow().UtcDateTime;
        return (new SignalsRequest(scopes, OverviewRequest.ToMillisecond(at)), null);
    }
}
