using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.WarmUp;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ExecutiveDashboard.Gateway.WarmUp;

/// <summary>
/// A page's first requests, sent by the gateway to itself over its own socket once it listens and before it reports itself
/// ready: the platform's overview (token validation, rate limits, the composer's calls to every service, the cache), the
/// card layout through the reverse proxy, and a WebSocket subscribed to the platform. A user's first page then finds
/// them compiled and the connections to the services, Redis and its own pool open, where it used to pay for all of it.
/// Read-only, as a person who signs in and looks: no event is sent and nothing is stored but a cached overview. Without
/// a signing key (no token to sign in with) there is nothing to warm.
/// </summary>
public sealed class GatewayWarmUp(IServer server, IHostApplicationLifetime lifetime, TokenKeys keys, TimeProvider clock) : IWarmUp
{
    /// <summary>Long enough for the requests, short enough to be worthless to anyone who could read it.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(1);

    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (keys.Signing is not { } key)
        {
            return;
        }
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(listening.SetResult))
        {
            await listening.Task.WaitAsync(cancellationToken);
        }
        var token = DashboardTokens.Create(key, subject: "gateway:warm-up", "Gateway warm-up", Roles.Ceo, WorkspaceAccess.Everything,
            clock.GetUtcNow().UtcDateTime, TokenLifetime);
        var self = OwnAddress();

        using var http = new HttpClient { BaseAddress = self };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var path in new[] { $"/api/executive/overview?workspace_id={Scopes.Platform}&timeframe=7d", "/api/users/me/layout" })
        {
            using var response = await http.GetAsync(path, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new UriBuilder(self) { Scheme = "ws", Path = "/ws", Query = $"access_token={token}" }.Uri, cancellationToken);
        await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"subscribe":"{{Scopes.Platform}}"}"""), WebSocketMessageType.Text, true, cancellationToken);
        // The confirmation: the hub's send path, and the end of the subscription for the close.
        await socket.ReceiveAsync(new byte[4096], cancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "warm", cancellationToken);
    }

    /// <summary>Where this process listens (not the orchestrator's proxy in front of it), a wildcard host as the loopback.</summary>
    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The gateway listens on no http address.");
        var uri = new UriBuilder(address.Replace("://+:", "://localhost:", StringComparison.Ordinal)
            .Replace("://*:", "://localhost:", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]")
        {
            uri.Host = "localhost";
        }
        return uri.Uri;
    }
}
