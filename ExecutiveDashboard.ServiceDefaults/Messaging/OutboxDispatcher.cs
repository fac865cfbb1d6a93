using System.Text.Json;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExecutiveDashboard.ServiceDefaults.Messaging;

/// <summary>
/// Publishes what the outbox holds, oldest first, as soon as it is told and at least every second
/// (what a crash left behind). Rows are locked with SKIP LOCKED, so replicas share the work, and
/// deleted only once the broker confirmed them: delivery is at least once, and consumers dedupe.
/// The <see cref="MetricsChangedBatch"/> of a round are merged (<see cref="MetricsChangedBatch.Merge"/>) and go out
/// twice: as one batch, and as a <see cref="MetricsChanged"/> per service and workspace.
/// </summary>
public sealed partial class OutboxDispatcher(
    Outbox outbox, NpgsqlDataSource dataSource, IBus bus, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PublishBatchAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
            await outbox.WaitAsync(Sweep, stoppingToken);
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var rows = new List<(long Id, object Message)>();
        await using (var select = new NpgsqlCommand(
            $"SELECT id, message_type, body FROM outbox_messages ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED", connection))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var type = typeof(MetricsChanged).Assembly.GetType(reader.GetString(1))
                    ?? throw new InvalidOperationException($"Unknown integration event type {reader.GetString(1)}.");
                rows.Add((reader.GetInt64(0), JsonSerializer.Deserialize(reader.GetString(2), type, JsonSerializerOptions.Web)!));
            }
        }
        if (rows.Count == 0)
        {
            return 0;
        }

        // A lone MetricsChanged is a row that a version before 1.2 left behind.
        var merged = MetricsChangedBatch.Merge(rows.SelectMany(row => row.Message switch
        {
            MetricsChangedBatch batch => batch.Changes,
            MetricsChanged change => [change],
            _ => [],
        }));
        var publishing = rows.Select(row => row.Message).Where(m => m is not (MetricsChangedBatch or MetricsChanged))
            .Concat(merged.Changes)
            .Select(message => bus.Publish(message, message.GetType(), cancellationToken)).ToList();
        if (merged.Changes.Count > 0)
        {
            publishing.Add(bus.Publish(merged, cancellationToken));
        }
        await Task.WhenAll(publishing);

        await using (var delete = new NpgsqlCommand("DELETE FROM outbox_messages WHERE id = ANY($1)", connection))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Id).ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    [LoggerMessage(LogLevel.Warning, "Publishing the outbox failed; retrying within a second")]
    private partial void LogFailed(Exception exception);
}
