using System.Net;
using System.Net.Http.Headers;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary><c>/api/users/me/digests</c> is the exports service's, although every other <c>/api/users/…</c> path is the
/// users service's.</summary>
public sealed class DigestsRouteTests(RedisAndRabbitMqFixture broker) : IClassFixture<RedisAndRabbitMqFixture>
{
    [Fact]
    public async Task The_digests_of_me_go_to_the_exports_service_and_the_rest_of_users_to_the_users_service()
    {
        await using var users = await StubServices.StartAsync();
        await using var exports = await StubServices.StartAsync();
        var issuer = GatewayReplica.NewIssuer();
        await using var gateway = new GatewayReplica(broker.Redis, broker.Broker, issuer,
            settings: new Dictionary<string, string>(users.Routes.Concat(exports.RoutesOf("exports"))));
        using var anonymous = gateway.CreateClient();
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayReplica.Token(issuer, "ceo", "*"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/users/me/digests")).StatusCode);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, "/api/users/me/digests") { Content = new StringContent("{}") });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users/me/layout")).StatusCode);

        Assert.Equal(["GET /api/users/me/digests", "PUT /api/users/me/digests", "DELETE /api/users/me/digests"], exports.Requests);
        // (The gateway's warm-up reads the layout too.)
        Assert.Contains("GET /api/users/me/layout", users.Requests);
        Assert.DoesNotContain(users.Requests, r => r.Contains("digests", StringComparison.Ordinal));
    }
}
