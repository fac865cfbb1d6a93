using System.Net;
using System.Security.Claims;
using ExecutiveDashboard.Gateway.RateLimits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ExecutiveDashboard.Gateway.UnitTests;

/// <summary>What the gateway's limits count a request as, and the client address they limit it by.</summary>
public sealed class RateLimitRulesTests
{
    [Theory]
    [InlineData("POST", "/api/executions/events", TrafficKind.IngestBatch)]
    [InlineData("POST", "/api/users/events", TrafficKind.IngestBatch)]
    [InlineData("POST", "/api/billing/events", TrafficKind.IngestBatch)]
    [InlineData("POST", "/API/Billing/EVENTS/", TrafficKind.IngestBatch)]
    [InlineData("GET", "/api/executions/events", TrafficKind.Request)]
    [InlineData("POST", "/api/alerts/events", TrafficKind.Request)]
    [InlineData("POST", "/api/executions/events/extra", TrafficKind.Request)]
    [InlineData("GET", "/api/executive/overview", TrafficKind.Request)]
    [InlineData("GET", "/api", TrafficKind.Request)]
    [InlineData("GET", "/ws", TrafficKind.LiveSocket)]
    [InlineData("CONNECT", "/WS", TrafficKind.LiveSocket)]
    [InlineData("GET", "/health", TrafficKind.Unlimited)]
    [InlineData("GET", "/alive", TrafficKind.Unlimited)]
    [InlineData("GET", "/", TrafficKind.Unlimited)]
    [InlineData("GET", "/assets/index-3f2a.js", TrafficKind.Unlimited)]
    [InlineData("GET", "/apis", TrafficKind.Unlimited)]
    [InlineData("GET", "/wss", TrafficKind.Unlimited)]
    public void A_request_counts_as_its_kind(string method, string path, TrafficKind kind)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;

        Assert.Equal(new ApiTraffic(kind, null), ApiTraffic.Of(context));
    }

    [Fact]
    public void Only_a_validated_token_gives_a_subject()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/executive/overview";
        Claim[] claims = [new("sub", "person-1")];

        context.User = new ClaimsPrincipal(new ClaimsIdentity(claims));
        Assert.Null(ApiTraffic.Of(context).Subject);

        context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "Bearer"));
        Assert.Equal("person-1", ApiTraffic.Of(context).Subject);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void An_IPv6_client_is_its_64_network_and_an_IPv4_one_its_address(string address, string key) =>
        Assert.Equal(key, ClientAddress.KeyOf(IPAddress.Parse(address)));

    [Fact]
    public void Trusted_proxies_are_addresses_and_networks()
    {
        var (addresses, networks) = Options(("TrustedProxies", " 10.0.0.5, 192.168.0.0/16 ,2001:db8::/32,::1")).Proxies();

        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("::1")], addresses);
        Assert.Equal([IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("2001:db8::/32")], networks);
        var (noAddresses, noNetworks) = Options().Proxies();
        Assert.Empty(noAddresses);
        Assert.Empty(noNetworks);
    }

    [Theory]
    [InlineData("TrustedProxies", "proxy.internal")]
    [InlineData("TrustedProxies", "10.0.0.0/33")]
    [InlineData("Burst", "0")]
    [InlineData("FailuresPerMinute", "0")]
    [InlineData("WebSocketsPerSubject", "-1")]
    public void A_setting_that_cannot_work_stops_the_start_and_is_named(string name, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options((name, value)));

        Assert.Contains($"RateLimiting:{name}", error.Message);
    }

    private static RateLimitOptions Options(params (string Name, string Value)[] settings) =>
        RateLimitOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"RateLimiting:{s.Name}", (string?)s.Value)))
            .Build());
}
