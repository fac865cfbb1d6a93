using System.Net;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Gateway.Realtime;
using ExecutiveDashboard.Platform.WarmUp;
using ExecutiveDashboard.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>
/// The gateway reports itself ready only once it has made a page's first requests through its own socket: the platform's
/// overview from every service behind it and the card layout through the reverse proxy, on a WebSocket subscribed to the
/// platform that it has closed again, so no consumer works for a browser that is not there. Read-only: no ingest.
/// </summary>
public sealed class WarmUpTests(RedisAndRabbitMqFixture broker) : IClassFixture<RedisAndRabbitMqFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_gateway_is_ready_once_it_has_asked_for_a_page_through_itself()
    {
        await using var services = await StubServices.StartAsync();
        var gateway = new GatewayReplica(broker.Redis, broker.Broker, GatewayReplica.NewIssuer(), settings: new Dictionary<string, string>(services.Routes.Concat(services.Discovery)));
        await using (gateway)
        {
            // GatewayReplica returns once the warm-up has ended: what the services were asked by then is the warm-up's.
            var asked = services.Requests;
            Assert.True(gateway.Services.GetRequiredService<WarmUpHealth>().IsWarm);
            Assert.Equal(
                ["GET /api/alerts/overview", "GET /api/billing/overview", "GET /api/executions/overview", "GET /api/users/me/layout", "GET /api/users/overview"],
                asked.Order(StringComparer.Ordinal));

            using var http = new HttpClient { BaseAddress = gateway.Address, Timeout = Patience };
            using var ready = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var hub = gateway.Services.GetRequiredService<LiveHub>();
            await Poll.UntilAsync("the warm-up's WebSocket gone", () => !hub.IsWatched(Scopes.Platform), Patience);
        }
    }
}
