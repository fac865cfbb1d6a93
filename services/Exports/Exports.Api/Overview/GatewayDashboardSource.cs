using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Exports.Overview;

/// <summary>Reads the overview and the card layout through the gateway, exactly as the page does, with the caller's
/// <c>Authorization</c> header: the gateway and the services apply the token's rules again.</summary>
public sealed class GatewayDashboardSource(HttpClient gateway) : IDashboardSource
{
    private const string LayoutPath = "/api/users/me/layout";

    private sealed record SavedCard(string Id, bool Visible);

    private sealed record SavedLayout(IReadOnlyList<SavedCard> Cards);

    public Task<ExecutiveDashboardData> ReadOverviewAsync(
        string scope, string timeframe, DateTime asOf, string authorization, CancellationToken cancellationToken) =>
        ReadOverviewAsync(scope, timeframe, asOf, ReaderCalendar.Default, authorization, cancellationToken);

    public async Task<ExecutiveDashboardData> ReadOverviewAsync(
        string scope, string timeframe, DateTime asOf, ReaderCalendar reader, string authorization, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/executive/overview?workspace_id={Uri.EscapeDataString(scope)}&timeframe={timeframe}&asOf={asOf:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}")
            + reader.ToQuery();
        return await GetAsync<ExecutiveDashboardData>(path, authorization, cancellationToken)
            ?? throw new DashboardSourceException(StatusCodes.Status502BadGateway, "The gateway answered the overview without one.");
    }

    public async Task<IReadOnlyList<AlertItem>> ReadAlertsAsync(string scope, DateTime asOf, string authorization, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/alerts?workspace_id={Uri.EscapeDataString(scope)}&state=all&limit=500&asOf={asOf:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}");
        return await GetAsync<List<AlertItem>>(path, authorization, cancellationToken) ?? [];
    }

    public async Task<IReadOnlyList<string>?> ReadCardOrderAsync(string authorization, CancellationToken cancellationToken)
    {
        try
        {
            var layout = await GetAsync<SavedLayout>(LayoutPath, authorization, cancellationToken);
            return layout?.Cards.Where(c => c.Visible).Select(c => c.Id).ToList();
        }
        catch (DashboardSourceException)
        {
            // The order of the cards is a preference: without it the file keeps the default order, as the page does.
            return null;
        }
    }

    /// <returns>The answer, or null for 204 No Content.</returns>
    private async Task<T?> GetAsync<T>(string path, string authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        try
        {
            using var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DashboardSourceException((int)response.StatusCode, $"The gateway answered {path} with {(int)response.StatusCode}.");
            }
            if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
            {
                return default;
            }
            return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DashboardSourceException(StatusCodes.Status503ServiceUnavailable, $"The gateway did not answer {path}.", e);
        }
    }
}
