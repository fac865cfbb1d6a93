using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExecutiveDashboard.TestSupport;

/// <summary>A browser's end of the gateway's <c>/ws</c> (docs/realtime.md), for tests and benchmarks.</summary>
public sealed class LiveSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];

    private LiveSocket(ClientWebSocket socket) => _socket = socket;

    /// <summary>Close status and reason sent by the server, once the socket is closed.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    /// <summary>Opens <c>/ws</c> with the token as <c>access_token</c>. <paramref name="receiveBufferBytes"/> shrinks
    /// the kernel's receive buffer, for a client that means to stall.</summary>
    public static async Task<LiveSocket> ConnectAsync(Uri gateway, string? token, CancellationToken cancellationToken,
        int? receiveBufferBytes = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (receiveBufferBytes is { } bytes)
                {
                    tcp.ReceiveBufferSize = bytes;
                }
                await tcp.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(tcp, ownsSocket: true);
            },
        };
        using var invoker = new HttpMessageInvoker(handler);
        await socket.ConnectAsync(Address(gateway, token), invoker, cancellationToken);
        return new LiveSocket(socket);
    }

    /// <summary>The HTTP status of an upgrade the server refused (or 101 when it accepted).</summary>
    public static async Task<HttpStatusCode> UpgradeStatusAsync(Uri gateway, string? token, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(Address(gateway, token), cancellationToken);
        }
        catch (WebSocketException)
        {
        }
        return socket.HttpStatusCode;
    }

    public Task SendAsync(string text, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>Subscribes and waits for the server's confirmation; frames that came before it are returned.</summary>
    public async Task<List<JsonObject>> SubscribeAsync(string scope, CancellationToken cancellationToken)
    {
        await SendAsync(JsonSerializer.Serialize(new { subscribe = scope }), cancellationToken);
        var before = new List<JsonObject>();
        while (await ReceiveAsync(cancellationToken) is { } frame)
        {
            if (frame["event"]?.GetValue<string>() == "subscribed" && frame["workspaceId"]?.GetValue<string>() == scope)
            {
                return before;
            }
            before.Add(frame);
        }
        throw new InvalidOperationException($"The server closed the socket instead of confirming '{scope}': {CloseStatus} {CloseReason}");
    }

    /// <summary>The next frame, or null once the server has closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken) =>
        await ReceiveUtf8Async(cancellationToken) is { } frame ? JsonNode.Parse(frame.Span)!.AsObject() : null;

    /// <summary>The next frame's UTF-8 JSON, valid until the next receive; null once the server has closed the socket.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveUtf8Async(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var received = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            length += received.Count;
            if (received.EndOfMessage)
            {
                return _buffer.AsMemory(0, length);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }

    private static Uri Address(Uri gateway, string? token)
    {
        var address = new UriBuilder(gateway) { Scheme = gateway.Scheme == "https" ? "wss" : "ws", Path = "/ws" };
        if (token is not null)
        {
            address.Query = "access_token=" + Uri.EscapeDataString(token);
        }
        return address.Uri;
    }
}
