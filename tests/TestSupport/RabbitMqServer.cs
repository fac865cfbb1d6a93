using System.Globalization;
using ExecutiveDashboard.AppHost.Infrastructure.Local;
using RabbitMQ.Client;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// A real RabbitMQ broker for integration tests (see <see cref="LocalServer"/>); guest/guest,
/// no plugins. Ready once an AMQP connection opens, typically 5–10 s after start.
/// </summary>
public sealed class RabbitMqServer() : LocalServer("rabbitmq.sh", TimeSpan.FromSeconds(60))
{
    /// <summary>Starts a server and waits until it is ready; dispose it to stop it and delete its data.</summary>
    public static Task<RabbitMqServer> StartAsync() => StartAsync(new RabbitMqServer());

    /// <summary><c>amqp://guest:guest@127.0.0.1:port</c>, as Aspire's RabbitMQ integration expects.</summary>
    public override string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}";

    // Erlang distribution needs a second port; its default (AMQP port + 20000) can overflow or collide.
    protected override IEnumerable<KeyValuePair<string, string>> ScriptEnvironment() =>
        [new("DIST_PORT", FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture))];

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(ConnectionString),
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            ClientProvidedName = "test-support-ready-check",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var open = connection.IsOpen;
        await connection.CloseAsync(cancellationToken);
        return open;
    }
}
