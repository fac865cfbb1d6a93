using System.Text.Json;
using System.Threading.Channels;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using Npgsql;

namespace ExecutiveDashboard.ServiceDefaults.Messaging;

/// <summary>
/// The transactional outbox of a service: integration events are inserted with the data they
/// describe, in the same transaction, and published by <see cref="OutboxDispatcher"/> after commit.
/// </summary>
public sealed class Outbox
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Adds messages to the outbox in the caller's open transaction. A <see cref="ICoalescable"/>
    /// message is left out while one with its key waits unpublished; one that the dispatcher is publishing
    /// right now (locked) does not count, since it may already be out before this transaction commits.</summary>
    public async Task EnqueueAsync(NpgsqlConnection connection, IReadOnlyCollection<object> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            INSERT INTO outbox_messages (message_type, body, coalesce_key)
            SELECT m.message_type, m.body, m.coalesce_key
            FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS m(message_type, body, coalesce_key, i)
            WHERE m.coalesce_key IS NULL
               OR NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.coalesce_key = m.coalesce_key FOR UPDATE SKIP LOCKED)
            ORDER BY m.i
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = messages.Select(m => m.GetType().FullName!).ToArray() });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = messages.Select(m => JsonSerializer.Serialize(m, m.GetType(), JsonSerializerOptions.Web)).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter { Value = messages.Select(m => (m as ICoalescable)?.CoalesceKey).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Wakes the dispatcher once the enqueuing transaction has committed.</summary>
    public void Notify() => _pending.Writer.TryWrite(true);

    internal async Task WaitAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(atMost);
        try
        {
            await _pending.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
