using ExecutiveDashboard.Alerts.Goals;
using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Contracts.Signals;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>
/// Reads the signals over HTTP from the executions and billing services (their <c>POST …/signals</c> endpoints, which
/// sum their rollups for many scopes in one statement), in parallel, with this service's own token
/// (<c>ServiceTokens</c>). A service that does not answer, or answers while still catching up with a backfill, leaves
/// its part null: its rules are unknown for this round, and their alerts stay as they are. The goals' daily history is the
/// same read with <see cref="SignalsQuery.Days"/>, made for the scopes with goals alone, plus the users service's daily
/// active users for the scopes with a dau goal alone (no rule reads them).
/// </summary>
public sealed partial class HttpSignalSource(IHttpClientFactory clients, ILogger<HttpSignalSource> logger) : ISignalSource, IGoalHistorySource
{
    /// <summary>The services the rules read.</summary>
    public static readonly IReadOnlyList<BackendService> Services = [ServiceCatalog.Executions, ServiceCatalog.Billing];

    /// <summary>Every service read, each through an HTTP client of its name: the rules' and the users service (dau goals).</summary>
    public static readonly IReadOnlyList<BackendService> Clients = [.. Services, ServiceCatalog.Users];

    public async Task<IReadOnlyDictionary<string, ScopeSignals>> ReadAsync(IReadOnlyList<string> scopes, DateTime asOf, CancellationToken cancellationToken)
    {
        var query = new SignalsQuery(scopes, asOf);
        var executions = PostAsync<ExecutionSignals>(ServiceCatalog.Executions, query, cancellationToken);
        var billing = PostAsync<BillingSignals>(ServiceCatalog.Billing, query, cancellationToken);
        var (runs, mrr) = (await executions, await billing);
        // Totals that miss accepted runs (a backfill ahead of the rollups) would raise or clear alerts wrongly.
        return scopes.Distinct().ToDictionary(scope => scope, scope => new ScopeSignals(scope, asOf,
            runs?.GetValueOrDefault(scope) is { CatchingUp: false } run ? run : null,
            mrr?.GetValueOrDefault(scope)));
    }

    async Task<IReadOnlyDictionary<string, GoalHistory>> IGoalHistorySource.ReadAsync(
        IReadOnlyList<string> scopes, IReadOnlyList<string> withDau, DateTime asOf, CancellationToken cancellationToken)
    {
        var query = new SignalsQuery(scopes, asOf, IGoalHistorySource.Days);
        var executions = PostAsync<ExecutionSignals>(ServiceCatalog.Executions, query, cancellationToken);
        var billing = PostAsync<BillingSignals>(ServiceCatalog.Billing, query, cancellationToken);
        var users = withDau.Count == 0 ? Task.FromResult<Dictionary<string, UserSignals>?>(null)
            : PostAsync<UserSignals>(ServiceCatalog.Users, query with { Scopes = withDau }, cancellationToken);
        var (runs, mrr, active) = (await executions, await billing, await users);
        return scopes.Distinct().ToDictionary(scope => scope, scope => new GoalHistory(
            mrr?.GetValueOrDefault(scope)?.Daily,
            runs?.GetValueOrDefault(scope) is { CatchingUp: false } run ? run.Daily : null,
            active?.GetValueOrDefault(scope)?.Daily));
    }

    private async Task<Dictionary<string, T>?> PostAsync<T>(BackendService service, SignalsQuery query, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(service.Name).PostAsJsonAsync($"{service.RoutePrefix}/signals", query, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<Dictionary<string, T>>(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(service.Name, e.Message);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The {Service} signals could not be read; its rules keep their alerts this round: {Reason}")]
    private partial void LogUnavailable(string service, string reason);
}
