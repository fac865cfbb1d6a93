using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.ServiceDefaults.Auth;

namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>
/// One browser's WebSocket. Frames wait in a bounded queue that only this client's send loop drains, so the hub
/// never waits for a socket; a client whose queue is full is not keeping up and is dropped (the page reconnects
/// and refetches, which is better than showing numbers it was never told are stale). The client may subscribe
/// to any scope its token may see, and is closed with a reason otherwise, or when its token expires.
/// </summary>
public sealed class LiveClient(WebSocket socket, ClaimsPrincipal user, LiveHub hub, int capacity, TimeProvider clock, Action dropped)
{
    private const int MaxMessageBytes = 4096;
    private const int MaxCloseReasonBytes = 123;
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(30);
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<Outgoing> _queue = Channel.CreateBounded<Outgoing>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _closing;

    /// <summary>The workspace id or <c>all</c> the client receives frames of; set by the hub.</summary>
    public string? Scope { get; set; }

    /// <summary>Queues a frame without waiting; a full queue drops the client.</summary>
    public void TryEnqueue(byte[] frame)
    {
        if (!_queue.Writer.TryWrite(new Outgoing(frame)) && _queue.Writer.TryComplete())
        {
            hub.Unsubscribe(this);
            dropped();
            socket.Abort();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = _stop;
        using var aborted = cancellationToken.Register(_stop.Cancel);
        using var expiry = ExpiryOf(user) is { } expiresAt ? ExpiryTimer(expiresAt) : null;
        var sending = SendAsync(stop.Token);
        try
        {
            await ReceiveAsync(stop.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The browser went away, or the socket was aborted: nothing left to tell it.
        }
        finally
        {
            _queue.Writer.TryComplete(); // the hub unsubscribes the client when this returns (LiveHub.ServeAsync)
        }
        stop.CancelAfter(CloseHandshakeTimeout);
        await sending;
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxMessageBytes];
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                if (length == buffer.Length)
                {
                    Close(WebSocketCloseStatus.MessageTooBig, $"messages are at most {MaxMessageBytes} bytes");
                    return;
                }
                received = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                length += received.Count;
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                Close(WebSocketCloseStatus.NormalClosure, "bye");
                return;
            }
            if (!Subscribe(buffer.AsSpan(0, length)))
            {
                return;
            }
        }
    }

    /// <returns>False when the message ended the connection.</returns>
    private bool Subscribe(ReadOnlySpan<byte> message)
    {
        if (_closing)
        {
            return false;
        }
        string? scope;
        try
        {
            scope = JsonSerializer.Deserialize(message, FrameJson.Default.SubscribeMessage)?.Subscribe?.Trim();
        }
        catch (JsonException)
        {
            scope = null;
        }
        if (!Scopes.IsValid(scope))
        {
            Close(WebSocketCloseStatus.InvalidPayloadData, """send {"subscribe": "<workspace id>"} or {"subscribe": "all"}""");
            return false;
        }
        if (!user.CanSee(scope))
        {
            Close(WebSocketCloseStatus.PolicyViolation, $"this token may not see '{scope}'");
            return false;
        }
        hub.Subscribe(this, scope);
        TryEnqueue(JsonSerializer.SerializeToUtf8Bytes(new SubscribedFrame(scope, clock.GetUtcNow().UtcDateTime), FrameJson.Default.SubscribedFrame));
        return true;
    }

    /// <summary>Sends a close frame after what is queued, and nothing after it.</summary>
    private void Close(WebSocketCloseStatus status, string reason)
    {
        _closing = true;
        hub.Unsubscribe(this);
        if (_queue.Writer.TryWrite(new Outgoing(null, status, Truncated(reason))))
        {
            _queue.Writer.TryComplete();
        }
        else if (_queue.Writer.TryComplete())
        {
            socket.Abort();
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var outgoing in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                if (outgoing.Close is { } status)
                {
                    await socket.CloseOutputAsync(status, outgoing.Reason, cancellationToken);
                    _stop.CancelAfter(CloseHandshakeTimeout); // the browser has that long to answer the close
                    return;
                }
                await socket.SendAsync(outgoing.Frame!, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        catch (Exception)
        {
            // Whatever ended the sending (the browser went away, the socket was aborted), the socket is done.
            socket.Abort();
        }
    }

    /// <summary>Closes the socket when the token expires. A timer waits at most ~49 days; one that fires before the
    /// expiry waits again.</summary>
    private ITimer ExpiryTimer(DateTimeOffset expiresAt)
    {
        ITimer? timer = null;
        timer = clock.CreateTimer(_ =>
        {
            var left = expiresAt - clock.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                timer!.Change(Capped(left), Timeout.InfiniteTimeSpan);
                return;
            }
            Close(WebSocketCloseStatus.PolicyViolation, "token expired");
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(Capped(expiresAt - clock.GetUtcNow()), Timeout.InfiniteTimeSpan);
        return timer;

        static TimeSpan Capped(TimeSpan wait) => wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < MaxTimerWait ? wait : MaxTimerWait;
    }

    private static DateTimeOffset? ExpiryOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst("exp")?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>A close reason is at most 123 UTF-8 bytes: cut on a character boundary, with an ellipsis.</summary>
    private static string Truncated(string reason)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }
        var cut = new System.Text.StringBuilder();
        var bytes = 3; // the ellipsis
        foreach (var rune in reason.EnumerateRunes())
        {
            if ((bytes += rune.Utf8SequenceLength) > MaxCloseReasonBytes)
            {
                break;
            }
            cut.Append(rune.ToString());
        }
        return cut.Append('…').ToString();
    }

    private readonly record struct Outgoing(byte[]? Frame, WebSocketCloseStatus? Close = null, string? Reason = null);
}
