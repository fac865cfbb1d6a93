using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.ServiceDefaults.Messaging;
using Npgsql;

namespace Executions.IntegrationTests;

/// <summary>The shared outbox on a real PostgreSQL database with the shared outbox migrations and no
/// dispatcher: "metrics changed" notifications coalesce while one waits, never into one being published.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _database = postgres.NewDatabase();

    public async Task InitializeAsync()
    {
        var target = new NpgsqlConnectionStringBuilder(_database);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", admin).ExecuteNonQueryAsync();
        }
        var assembly = typeof(Outbox).Assembly;
        await using var connection = await OpenAsync();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Migrations.000_")).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(name)!;
            await new NpgsqlCommand(await new StreamReader(stream).ReadToEndAsync(), connection).ExecuteNonQueryAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        return connection;
    }

    private async Task EnqueueAsync(params object[] messages)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new Outbox().EnqueueAsync(connection, messages, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task<List<string?>> KeysAsync()
    {
        await using var connection = await OpenAsync();
        await using var read = new NpgsqlCommand("SELECT coalesce_key FROM outbox_messages ORDER BY id", connection);
        await using var reader = await read.ExecuteReaderAsync();
        var keys = new List<string?>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }
        return keys;
    }

    private static MetricsChanged Changed(string workspace, string service = "executions") => new(workspace, service, At, ["executionMetrics"]);

    [Fact]
    public async Task A_waiting_notification_absorbs_the_same_one_but_no_other()
    {
        await EnqueueAsync(Changed("ws_1"), Changed("ws_2"), Changed("ws_1", service: "users"));
        await EnqueueAsync(Changed("ws_1"), Changed("ws_3"), new RunsCompleted(Guid.NewGuid(), []), new RunsCompleted(Guid.NewGuid(), []));

        // executions/ws_1 was waiting: the second one adds nothing. Runs always go out.
        Assert.Equal(["executions/ws_1", "executions/ws_2", "users/ws_1", "executions/ws_3", null, null], await KeysAsync());
    }

    [Fact]
    public async Task A_notification_being_published_does_not_absorb_a_new_one()
    {
        await EnqueueAsync(Changed("ws_9"));

        // The dispatcher holds the waiting row while it publishes it: the new change may come after that
        // publication, so it must get a message of its own.
        await using var dispatcher = await OpenAsync();
        await using var publishing = await dispatcher.BeginTransactionAsync();
        await new NpgsqlCommand("SELECT id FROM outbox_messages FOR UPDATE", dispatcher).ExecuteNonQueryAsync();
        await EnqueueAsync(Changed("ws_9"));
        await publishing.CommitAsync();

        Assert.Equal(["executions/ws_9", "executions/ws_9"], await KeysAsync());
    }
}
