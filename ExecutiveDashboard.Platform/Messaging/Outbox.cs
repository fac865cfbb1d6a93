using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace ExecutiveDashboard.Platform.Messaging;

/// <summary>
/// The transactional outbox of a service: integration events are inserted with the data they
/// describe, in the same transaction, and published by <see cref="OutboxDispatcher"/> after commit.
/// </summary>
public sealed class Outbox
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Adds messages to the outbox in the caller's open transaction.</summary>
    public async Task EnqueueAsync(NpgsqlConnection connection, IReadOnlyCollection<object> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            INSERT INTO outbox_messages (message_type, body)
            SELECT m.type, m.body FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS m(type, body, i) ORDER BY m.i
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = messages.Select(m => m.GetType().FullName!).ToArray() });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = messages.Select(m => JsonSerializer.Serialize(m, m.GetType(), JsonSerializerOptions.Web)).ToArray(),
        });
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
