using System.Diagnostics.Metrics;
using System.Text.Json;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Platform.Data;
using ExecutiveDashboard.Platform.Resilience;
using ExecutiveDashboard.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ExecutiveDashboard.Platform.Messaging;

/// <summary>
/// Publishes what the outbox holds, oldest first, as soon as it is told and at least every second
/// (what a crash left behind). Rows are locked with SKIP LOCKED, so replicas share the work, and
/// deleted only once the broker confirmed them: delivery is at least once, and consumers dedupe.
/// The <see cref="MetricsChangedBatch"/> of a round are merged (<see cref="MetricsChangedBatch.Merge"/>) and go out
/// twice: as one batch, and as a <see cref="MetricsChanged"/> per service and workspace.
/// While the broker or the database is away it retries with backoff (<see cref="BackgroundLoop"/>), and the rows wait.
/// </summary>
public sealed class OutboxDispatcher(Outbox outbox, NpgsqlDataSource dataSource, IBus bus, BackgroundLoop loop, IMeterFactory meters)
    : BackgroundService
{
    public const string LoopName = "outbox";

    public const string MeterName = "ExecutiveDashboard.Outbox";
    public const string BacklogInstrument = "dashboard.outbox.backlog";

    private readonly ObservableGauge<long> _backlog = RowCountGauge.Create(meters.Create(MeterName), dataSource, "outbox_messages",
        BacklogInstrument, "Integration events stored and not yet published.");

    private const int BatchSize = 500;
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(1);

    /// <summary>How long a batch may wait for the broker's confirmations. MassTransit holds a publish until the broker is
    /// back, however long that takes: the dispatcher gives up the batch instead (its rows stay, to go out again), so that
    /// an outage shows as a failing loop, not as one that merely stopped.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(LoopName,
        async ct =>
        {
            while (await PublishBatchAsync(ct) == BatchSize)
            {
            }
        },
        ct => outbox.WaitAsync(Sweep, ct), stoppingToken);

    private async Task<int> PublishBatchAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(PublishTimeout);
        try
        {
            return await PublishAndDeleteAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException($"An outbox batch was not published and confirmed within {PublishTimeout.TotalSeconds:0} s; its rows go out again", e);
        }
    }

    private async Task<int> PublishAndDeleteAsync(CancellationToken cancellationToken)
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
        List<Task> publishing;
        // Outside the loop's round, which is not traced: each integration event is the root of its consumers' work.
        using (LoopRounds.Detach())
        {
            publishing = rows.Select(row => row.Message).Where(m => m is not (MetricsChangedBatch or MetricsChanged))
                .Concat(merged.Changes)
                .Select(message => bus.Publish(message, message.GetType(), cancellationToken)).ToList();
            if (merged.Changes.Count > 0)
            {
                publishing.Add(bus.Publish(merged, cancellationToken));
            }
        }
        // A publish caught in a channel that the broker's outage broke can miss its cancellation: stop waiting for it anyway.
        await Task.WhenAll(publishing).WaitAsync(cancellationToken);

        await using (var delete = new NpgsqlCommand("DELETE FROM outbox_messages WHERE id = ANY($1)", connection))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Id).ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }
}
