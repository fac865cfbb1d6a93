using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExecutiveDashboard.Gateway.Overview;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>The interactive API reference (Scalar) at the gateway: in Development, over the gateway's own document and
/// each service's, forwarded by the gateway from the service's <c>/openapi/v1.json</c>; nowhere else.</summary>
public sealed class ApiReferenceTests(RedisAndRabbitMqFixture broker) : IClassFixture<RedisAndRabbitMqFixture>, IAsyncLifetime
{
    private WebApplication _services = null!;

    /// <summary>In place of the services: each answers its OpenAPI document, and nothing else.</summary>
    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _services = builder.Build();
        _services.MapGet("/openapi/v1.json", (HttpContext context) => Results.Json(new { openapi = "3.1.1", info = new { title = context.Request.Host.Value } }));
        await _services.StartAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task In_development_the_reference_answers_with_its_script_and_every_document()
    {
        using var gateway = Gateway("Development");
        using var client = gateway.CreateClient();

        using var page = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);

        // The page names each document relative to the gateway's root; a service's comes from the service's own path.
        Assert.Contains("\"openapi/v1.json\"", html, StringComparison.Ordinal);
        foreach (var service in DashboardServices.All)
        {
            Assert.Contains($"\"openapi/services/{service}.json\"", html, StringComparison.Ordinal);
            var document = await client.GetFromJsonAsync<JsonElement>($"/openapi/services/{service}.json");
            Assert.Equal("3.1.1", document.GetProperty("openapi").GetString());
        }

        var own = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal(["CreateDevelopmentToken", "GetExecutiveOverview", "GetSignInOptions", "LiveUpdates"],
            OpenApiAssertions.EveryOperationDescribed(own).Order());
    }

    [Fact]
    public async Task Outside_development_there_is_no_reference_and_no_service_document()
    {
        using var gateway = Gateway("Production");
        using var client = gateway.CreateClient();

        foreach (var path in new[] { "/scalar", "/openapi/services/users.json" })
        {
            using var answer = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }
    }

    private GatewayReplica Gateway(string environment) => new(broker.Redis, broker.Broker, GatewayReplica.NewIssuer(),
        settings: DashboardServices.All.ToDictionary(service => $"ReverseProxy:Clusters:{service}:Destinations:{service}:Address", _ => _services.Urls.First()),
        environment: environment);
}
