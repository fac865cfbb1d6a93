using System.Security.Claims;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Exports.Digests;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace ExecutiveDashboard.Exports.Apis;

/// <summary>
/// <c>/api/users/me/digests</c> (routed here by the gateway): the signed-in person's digests by e-mail, "me" being the
/// token's <c>sub</c>: no route takes a subject, so nobody can name another person's digests. Each request stores the
/// token's name, role and workspaces on the person's digests: they are sent with exactly those grants.
/// </summary>
public static class DigestsApi
{
    public const string Route = "/api/users/me/digests";

    public static IEndpointRouteBuilder MapDigestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Route).WithTags("Digests").RequireAuthorization(Roles.DashboardPolicy);

        api.MapGet("", GetDigests)
            .WithName("GetDigests")
            .WithSummary("The signed-in person's digests, each with its next due time and its last send's outcome")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPut("", SaveDigests)
            .Accepts<JsonElement>("application/json")
            .WithName("SaveDigests")
            .WithSummary("Replace the signed-in person's digests: at most 10, each { id?, scope, cadence, weekday, localTime, timeZone, email }")
            .WithDescription("Every scope must be one the token grants now ('all' needs '*'). A digest given with the id GET answered keeps " +
                "its history. Nothing is stored of a refused request.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapDelete("", DeleteDigests)
            .WithName("DeleteDigests")
            .WithSummary("Stop every digest of the signed-in person")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return app;
    }

    public static async Task<Results<Ok<DigestList>, ProblemHttpResult>> GetDigests(
        ClaimsPrincipal user, DigestStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (DigestHolder.Of(user) is not { } holder)
        {
            return NoSubject();
        }
        await store.RefreshHolderAsync(holder, Instant.FromDateTimeOffset(clock.GetUtcNow()), cancellationToken);
        return TypedResults.Ok(await ListAsync(holder, store, cancellationToken));
    }

    public static async Task<Results<Ok<DigestList>, ValidationProblem, ProblemHttpResult>> SaveDigests(
        HttpRequest request, DigestStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (DigestHolder.Of(request.HttpContext.User) is not { } holder)
        {
            return NoSubject();
        }
        var (document, refusal) = await JsonBody.ReadAsync(request, DigestRequest.MaxBytes, "The list of digests", cancellationToken);
        if (document is null)
        {
            return refusal!;
        }
        using (document)
        {
            var (digests, errors) = DigestRequest.Parse(document.RootElement);
            if (digests is null)
            {
                return TypedResults.ValidationProblem(errors, title: "Invalid digests", detail: "Nothing was stored.");
            }
            var refused = digests.Select((d, i) => (d, i)).FirstOrDefault(x => !holder.Shows(x.d.Scope));
            if (refused.d is not null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: (refused.d.Scope == Scopes.Platform
                        ? $"digests[{refused.i}].scope: the whole platform ('all') needs a token with workspaces '*'."
                        : $"digests[{refused.i}].scope: the token does not grant workspace '{refused.d.Scope}'.") + " Nothing was stored.");
            }
            await store.ReplaceAsync(holder, digests, Instant.FromDateTimeOffset(clock.GetUtcNow()), cancellationToken);
            return TypedResults.Ok(await ListAsync(holder, store, cancellationToken));
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDigests(ClaimsPrincipal user, DigestStore store, CancellationToken cancellationToken)
    {
        if (DigestHolder.Of(user) is not { } holder)
        {
            return NoSubject();
        }
        await store.DeleteAsync(holder.Subject, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<DigestList> ListAsync(DigestHolder holder, DigestStore store, CancellationToken cancellationToken) =>
        new([.. (await store.ListAsync(holder.Subject, cancellationToken)).Select(x => new DigestView(
            x.Digest.Id, x.Digest.Settings.Scope, x.Digest.Settings.Cadence, x.Digest.Settings.Weekday, x.Digest.Settings.LocalTime,
            x.Digest.Settings.TimeZone, x.Digest.Settings.Email, x.Digest.NextDueAt, holder.Shows(x.Digest.Settings.Scope), x.LastSend))]);

    private static ProblemHttpResult NoSubject() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No subject",
            detail: "The token has no 'sub' claim, so there is no one to keep digests for.");
}
