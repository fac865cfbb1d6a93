using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Platform.Messaging;
using Npgsql;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>The shared outbox on a real PostgreSQL database with the shared outbox migrations and no dispatcher.</summary>
[Collection(ServersCollection.Name)]
public sealed class OutboxTests(ExecutionsServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _database = servers.NewDatabase();

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

    [Fact]
    public async Task The_notifications_of_a_batch_take_one_row_after_the_events_they_follow()
    {
        await using (var connection = await OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new Outbox().EnqueueAsync(connection, [
                new RunsCompleted(Guid.NewGuid(), []),
                MetricsChangedBatch.Of(["ws_1", "ws_2", "ws_3"], "executions", At, ["executionMetrics"]),
            ], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT message_type, body FROM outbox_messages ORDER BY id", read);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string Type, string Body)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        Assert.Equal([typeof(RunsCompleted).FullName!, typeof(MetricsChangedBatch).FullName!], rows.Select(r => r.Type));
        Assert.Contains("\"workspaceId\":\"ws_3\"", rows[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_are_compressed_with_lz4()
    {
        await using var connection = await OpenAsync();
        var method = await new NpgsqlCommand(
            "SELECT attcompression::text FROM pg_attribute WHERE attrelid = 'outbox_messages'::regclass AND attname = 'body'", connection)
            .ExecuteScalarAsync();
        Assert.Equal("l", method);
    }
}
