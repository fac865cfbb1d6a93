using ExecutiveDashboard.Contracts.Services;

namespace ExecutiveDashboard.Gateway.Overview;

/// <summary>
/// The back-end services the overview reads. Each is optional in the app model: one that is not
/// deployed (no service-discovery entry) is not called, and its sections are named degraded.
/// The caller's token goes along, so every service applies the workspace rules again.
/// </summary>
public sealed class DashboardServices(IHttpClientFactory clients, IConfiguration configuration)
{
    public static readonly string Executions = ServiceCatalog.Executions.Name;
    public static readonly string Users = ServiceCatalog.Users.Name;
    public static readonly string Billing = ServiceCatalog.Billing.Name;
    public static readonly string Alerts = ServiceCatalog.Alerts.Name;

    public static readonly string[] All = [.. ServiceCatalog.All.Select(s => s.Name)];

    public static Uri AddressOf(string service) => ServiceCatalog.Named(service).Address;

    public bool IsDeployed(string service) => configuration.GetSection($"services:{ServiceCatalog.Named(service).ResourceName}").Exists();

    public Task<T?> GetAsync<T>(string service, string pathAndQuery, string? authorization, CancellationToken cancellationToken) =>
        SendAsync<T>(service, new HttpRequestMessage(HttpMethod.Get, pathAndQuery), authorization, cancellationToken);

    public Task<T?> PostAsync<T>(string service, string path, object body, string? authorization, CancellationToken cancellationToken) =>
        SendAsync<T>(service, new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, authorization, cancellationToken);

    private async Task<T?> SendAsync<T>(string service, HttpRequestMessage message, string? authorization, CancellationToken cancellationToken)
    {
        using (message)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await clients.CreateClient(service).SendAsync(message, cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
        }
    }
}
