using System.Net.Sockets;
using System.Text;

namespace ExecutiveDashboard.TestSupport;

/// <summary>A real Redis server for integration tests (see <see cref="LocalServer"/>). Nothing is persisted.</summary>
public sealed class RedisServer() : LocalServer("redis.sh", TimeSpan.FromSeconds(30))
{
    /// <summary>Starts a server and waits until it is ready; dispose it to stop it and delete its data.</summary>
    public static Task<RedisServer> StartAsync() => StartAsync(new RedisServer());

    /// <summary>StackExchange.Redis configuration string, <c>127.0.0.1:port</c>.</summary>
    public override string ConnectionString => $"127.0.0.1:{Port}";

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}
