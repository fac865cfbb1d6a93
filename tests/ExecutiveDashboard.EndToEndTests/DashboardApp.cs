using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>The whole app model (PostgreSQL, Redis, RabbitMQ, every service, the gateway) started once
/// for the end-to-end tests, exactly as <c>./run.sh</c> declares it, on fresh data and random ports.</summary>
public sealed class DashboardApp : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private DistributedApplication _app = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ExecutiveDashboard_AppHost>(
            ["DcpPublisher:RandomizePorts=true"], cts.Token);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        _app = await builder.BuildAsync(cts.Token);
        await _app.StartAsync(cts.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", cts.Token);
        Gateway = _app.CreateHttpClient("gateway");
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async Task<HttpClient> SignInAsync(string role, string workspaces)
    {
        using var response = await Gateway.PostAsJsonAsync("/api/dev/token", new { role, workspaces, name = $"E2E {role}" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardAppCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "dashboard-app";
}
