using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using ExecutiveDashboard.Gateway.Realtime;
using ExecutiveDashboard.Gateway.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>The gateway's meters as the Aspire dashboard shows them: overview answers from the cache and composed anew,
/// and the WebSocket clients connected.</summary>
public sealed class GatewayMetersTests(RedisAndRabbitMqFixture broker) : IClassFixture<RedisAndRabbitMqFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TestIssuer _issuer = GatewayReplica.NewIssuer();
    private StubServices _services = null!;
    private GatewayReplica _gateway = null!;

    public async Task InitializeAsync()
    {
        _services = await StubServices.StartAsync();
        _gateway = new GatewayReplica(broker.Redis, broker.Broker, _issuer, settings: _services.Routes);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _services.DisposeAsync();
    }

    private IMeterFactory Meters => _gateway.Services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task A_first_overview_is_a_miss_and_the_same_one_again_a_hit()
    {
        using var hits = new MetricCollector<long>(Meters, GatewayMetrics.MeterName, GatewayMetrics.CacheHitsInstrument);
        using var misses = new MetricCollector<long>(Meters, GatewayMetrics.MeterName, GatewayMetrics.CacheMissesInstrument);
        using var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayReplica.Token(_issuer, "ceo", "*"));
        const string overview = "/api/executive/overview?workspace_id=ws_meter&timeframe=7d&asOf=2026-11-28T00:00:00Z";

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var answer = await client.GetAsync(overview);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Equal(1, misses.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, hits.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Each_open_websocket_is_a_client_until_it_closes()
    {
        using var clients = new MetricCollector<long>(Meters, LiveHub.MeterName, LiveHub.ConnectionsInstrument);
        using var cts = new CancellationTokenSource(Patience);

        await using (var socket = await LiveSocket.ConnectAsync(_gateway.Address, GatewayReplica.Token(_issuer, "ceo", "*"), cts.Token))
        {
            await Poll.UntilAsync("one client", () => clients.GetMeasurementSnapshot().EvaluateAsCounter() == 1, Patience);
        }

        await Poll.UntilAsync("no client", () => clients.GetMeasurementSnapshot().EvaluateAsCounter() == 0, Patience);
    }
}
