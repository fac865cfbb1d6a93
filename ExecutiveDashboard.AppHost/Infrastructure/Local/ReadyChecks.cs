using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ExecutiveDashboard.AppHost.Infrastructure.Local;

// Each check speaks the server's own protocol: an open port alone does not mean ready
// (PostgreSQL listens while it still recovers, RabbitMQ's Erlang VM long before the broker).
// "Not up yet" is an Unhealthy result, not an exception, so start-up logs one line per probe
// instead of a stack trace.

/// <summary>Opens a connection to the <c>postgres</c> database and runs <c>select 1</c>.</summary>
internal sealed class PostgresReadyCheck(LocalServerResource server) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(
            await server.ConnectionStringExpression.GetValueAsync(cancellationToken))
        {
            Database = "postgres",
            Pooling = false,
            Timeout = 5,
        }.ConnectionString;

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Not ready: {ex.Message}");
        }
    }
}

/// <summary>Sends <c>PING</c> and expects <c>+PONG</c>.</summary>
internal sealed class RedisReadyCheck(LocalServerResource server) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", server.PrimaryEndpoint.Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);

            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            var reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"PING answered '{reply.TrimEnd()}'");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return HealthCheckResult.Unhealthy($"Not ready: {ex.Message}");
        }
    }
}

/// <summary>Reads the SMTP greeting: a 220 means the server takes mail.</summary>
internal sealed class SmtpReadyCheck(LocalServerResource server) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", server.PrimaryEndpoint.Port, cancellationToken);
            var buffer = new byte[256];
            var read = await client.GetStream().ReadAsync(buffer, cancellationToken);
            var greeting = Encoding.ASCII.GetString(buffer, 0, read);
            return greeting.StartsWith("220", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The server greeted '{greeting.TrimEnd()}'");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return HealthCheckResult.Unhealthy($"Not ready: {ex.Message}");
        }
    }
}

/// <summary>Opens and closes an AMQP connection as guest.</summary>
internal sealed class RabbitMqReadyCheck(LocalServerResource server) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(await server.ConnectionStringExpression.GetValueAsync(cancellationToken)
                ?? throw new InvalidOperationException($"'{server.Name}' has no connection string yet.")),
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            ClientProvidedName = "apphost-ready-check",
        };

        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            var open = connection.IsOpen;
            await connection.CloseAsync(cancellationToken);
            return open ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("AMQP connection did not open");
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or SocketException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Not ready: {ex.Message}");
        }
    }
}
