using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.ServiceDefaults.Queries;

namespace ExecutiveDashboard.Gateway.Overview;

/// <summary>The executions service as the overview sees it; the caller's token goes along, so the
/// service applies the same workspace rules again.</summary>
public sealed class ExecutionsClient(HttpClient http)
{
    public Task<ExecutionsOverview?> GetOverviewAsync(OverviewRequest request, string? authorization, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(HttpMethod.Get,
            $"/api/executions/overview?workspace_id={Uri.EscapeDataString(request.Scope)}&timeframe={Contracts.Metrics.Timeframes.ToWire(request.Timeframe)}&asOf={request.AsOf:O}");
        message.Headers.TryAddWithoutValidation("Authorization", authorization);
        return SendAsync(message, cancellationToken);
    }

    private async Task<ExecutionsOverview?> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(message, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ExecutionsOverview>(cancellationToken);
    }
}
