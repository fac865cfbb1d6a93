using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace ExecutiveDashboard.Gateway.RateLimits;

/// <summary>
/// The client a request without a valid token is limited as. It is the TCP peer, unless the peer is one of
/// <see cref="RateLimitOptions.TrustedProxies"/>: then it is the address that proxy (and any trusted proxy before
/// it) names in <c>X-Forwarded-For</c>. An IPv6 client is its /64 network, since one subscriber usually gets a
/// whole /64 and could otherwise take a new address for every request.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => KeyOf(context.Connection.RemoteIpAddress);

    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPNetwork(new IPAddress(bytes), 64).ToString();
    }

    /// <summary>Reads <c>X-Forwarded-For</c> from the configured proxies only; nothing else is trusted, and with
    /// none configured the header is ignored.</summary>
    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder, RateLimitOptions limits)
    {
        var (addresses, networks) = limits.Proxies();
        if (addresses.Count + networks.Count == 0)
        {
            return builder;
        }
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in addresses)
            {
                options.KnownProxies.Add(address);
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
            // Walk back through every trusted hop; the first address that is not a trusted proxy is the client.
            options.ForwardLimit = null;
        });
        return builder;
    }

    public static WebApplication UseTrustedProxies(this WebApplication app, RateLimitOptions limits)
    {
        // Forwarded headers without a known proxy would trust every peer.
        var (addresses, networks) = limits.Proxies();
        if (addresses.Count + networks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
