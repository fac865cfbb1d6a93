using System.Globalization;
using ExecutiveDashboard.Alerts.Rules;
using ExecutiveDashboard.Contracts.Signals;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>Where the rules' inputs come from: the services that own the numbers.</summary>
public interface ISignalSource
{
    Task<ScopeSignals> ReadAsync(string scope, DateTime asOf, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the signals over HTTP from the executions and billing services (their <c>/signals</c> endpoints, which sum
/// their rollups), in parallel, with this service's own token (<c>ServiceTokens</c>). A service that does not answer,
/// or answers while still catching up with a backfill, leaves its part null: its rules are unknown for this round,
/// and their alerts stay as they are.
/// </summary>
public sealed partial class HttpSignalSource(IHttpClientFactory clients, ILogger<HttpSignalSource> logger) : ISignalSource
{
    public const string Executions = "executions";
    public const string Billing = "billing";

    public static Uri AddressOf(string service) => new($"http://{service}-api");

    public async Task<ScopeSignals> ReadAsync(string scope, DateTime asOf, CancellationToken cancellationToken)
    {
        var query = $"?workspace_id={Uri.EscapeDataString(scope)}&asOf={Uri.EscapeDataString(asOf.ToString("O", CultureInfo.InvariantCulture))}";
        var executions = GetAsync<ExecutionSignals>(Executions, $"/api/executions/signals{query}", cancellationToken);
        var billing = GetAsync<BillingSignals>(Billing, $"/api/billing/signals{query}", cancellationToken);
        // Totals that miss accepted runs (a backfill ahead of the rollups) would raise or clear alerts wrongly.
        var runs = await executions;
        return new ScopeSignals(scope, asOf, runs is { CatchingUp: true } ? null : runs, await billing);
    }

    private async Task<T?> GetAsync<T>(string service, string pathAndQuery, CancellationToken cancellationToken) where T : class
    {
        try
        {
            using var response = await clients.CreateClient(service).GetAsync(pathAndQuery, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
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
