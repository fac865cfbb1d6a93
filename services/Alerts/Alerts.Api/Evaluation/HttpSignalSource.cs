using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Contracts.Signals;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>
/// Reads the signals over HTTP from the executions and billing services (their <c>POST …/signals</c> endpoints, which
/// sum their rollups for many scopes in one statement), in parallel, with this service's own token
/// (<c>ServiceTokens</c>). A service that does not answer, or answers while still catching up with a backfill, leaves
/// its part null: its rules are unknown for this round, and their alerts stay as they are.
/// </summary>
public sealed partial class HttpSignalSource(IHttpClientFactory clients, ILogger<HttpSignalSource> logger) : ISignalSource
{
    public const string Executions = "executions";
    public const string Billing = "billing";

    public static Uri AddressOf(string service) => new($"http://{service}-api");

    public async Task<IReadOnlyDictionary<string, ScopeSignals>> ReadAsync(IReadOnlyList<string> scopes, DateTime asOf, CancellationToken cancellationToken)
    {
        var query = new SignalsQuery(scopes, asOf);
        var executions = PostAsync<ExecutionSignals>(Executions, "/api/executions/signals", query, cancellationToken);
        var billing = PostAsync<BillingSignals>(Billing, "/api/billing/signals", query, cancellationToken);
        var (runs, mrr) = (await executions, await billing);
        // Totals that miss accepted runs (a backfill ahead of the rollups) would raise or clear alerts wrongly.
        return scopes.Distinct().ToDictionary(scope => scope, scope => new ScopeSignals(scope, asOf,
            runs?.GetValueOrDefault(scope) is { CatchingUp: false } run ? run : null,
            mrr?.GetValueOrDefault(scope)));
    }

    private async Task<Dictionary<string, T>?> PostAsync<T>(string service, string path, SignalsQuery query, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(service).PostAsJsonAsync(path, query, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<Dictionary<string, T>>(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(service, e.Message);
            return null;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The {Service} signals could not be read; its rules keep their alerts this round: {Reason}")]
    private partial void LogUnavailable(string service, string reason);
}
