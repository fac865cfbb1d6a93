using ExecutiveDashboard.Platform.Messaging;
using Npgsql;

namespace ExecutiveDashboard.Platform.Ingest;

/// <summary>
/// Stores a valid batch exactly once, the same way in every service: one transaction claims the event
/// ids in <c>ingested_events</c> (an id seen before, in this batch or any earlier one, is a duplicate
/// and changes nothing), lets the service store the new events (raw rows, rollups, outbox messages),
/// and commits before the caller answers 202; then the outbox is woken. A deadlock or transient failure
/// between concurrent batches retries the whole batch, which is safe because it is idempotent.
/// </summary>
public sealed class IngestTransaction(NpgsqlDataSource dataSource, Outbox outbox)
{
    private const int MaxAttempts = 5;

    public delegate Task StoreNewEvents<T>(NpgsqlConnection connection, IReadOnlyList<T> newEvents, CancellationToken cancellationToken);

    /// <param name="committed">Told the new events once they are committed (for the service's meter).</param>
    public async Task<IngestResult> RunAsync<T>(IReadOnlyList<T> events, Func<T, string> eventId, StoreNewEvents<T> storeNew,
        CancellationToken cancellationToken, Action<IReadOnlyList<T>>? committed = null)
    {
        var unique = events.DistinctBy(eventId).ToList();
        IReadOnlyList<T> stored = [];
        await WithRetriesAsync(async ct => (stored = await RunOnceAsync(unique, eventId, storeNew, ct)).Count, cancellationToken);
        committed?.Invoke(stored);
        return new IngestResult(stored.Count, events.Count - stored.Count);
    }

    /// <summary>Stores events whose storing is idempotent by itself (merges that keep the earliest and the latest,
    /// never sums), in one transaction, without claiming their ids: a redelivery stores them again and changes nothing.</summary>
    public Task MergeAsync<T>(IReadOnlyList<T> events, StoreNewEvents<T> merge, CancellationToken cancellationToken) =>
        WithRetriesAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await merge(connection, events, ct);
            await transaction.CommitAsync(ct);
            return events.Count;
        }, cancellationToken);

    private async Task<int> WithRetriesAsync(Func<CancellationToken, Task<int>> once, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = await once(cancellationToken);
                if (stored > 0)
                {
                    outbox.Notify();
                }
                return stored;
            }
            catch (PostgresException e) when ((e.IsTransient || e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation)
                                              && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
        }
    }

    private async Task<List<T>> RunOnceAsync<T>(List<T> events, Func<T, string> eventId, StoreNewEvents<T> storeNew, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var fresh = await ClaimAsync(connection, events.Select(eventId).ToArray(), cancellationToken);
        var newEvents = events.Where(e => fresh.Contains(eventId(e))).ToList();
        if (newEvents.Count > 0)
        {
            await storeNew(connection, newEvents, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return newEvents;
    }

    private static async Task<HashSet<string>> ClaimAsync(NpgsqlConnection connection, string[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO ingested_events (event_id) SELECT unnest($1::text[])
            ON CONFLICT (event_id) DO NOTHING RETURNING event_id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fresh.Add(reader.GetString(0));
        }
        return fresh;
    }
}
