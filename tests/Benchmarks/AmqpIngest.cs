using System.Diagnostics;
using ExecutiveDashboard.Contracts.Services;
using RabbitMQ.Client;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// Ingest over the bus, beside the HTTP figures (<c>--amqp URI</c>): the same batches published raw to the executions
/// service's ingest queue, as another platform service would publish them (RabbitMQ.Client, publisher confirms,
/// <paramref name="parallel"/> batches awaiting their confirm at once). Prints events/s published (every batch
/// confirmed by the broker) and drained (the queue empty: every batch delivered, at most a few still being stored).
/// </summary>
public sealed class AmqpIngest(Uri broker, int parallel)
{
    public async Task<long> SendAllAsync(IReadOnlyList<(int Events, byte[] Json)> batches)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "benchmark-amqp-ingest" };
        await using var connection = await factory.CreateConnectionAsync();
        var queue = ServiceCatalog.Executions.IngestQueue;
        var properties = new BasicProperties { ContentType = "application/json", Persistent = true };
        var watch = Stopwatch.StartNew();
        long sent = 0;
        // One channel per publisher: a channel's confirms are awaited one publish at a time.
        await Parallel.ForEachAsync(Enumerable.Range(0, parallel), async (publisher, ct) =>
        {
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            for (var i = publisher; i < batches.Count; i += parallel)
            {
                await channel.BasicPublishAsync("", queue, mandatory: true, properties, batches[i].Json, ct);
                Interlocked.Add(ref sent, batches[i].Events);
            }
        });
        var published = watch.Elapsed;
        Console.WriteLine($"amqp: {sent:N0} events published and confirmed in {published.TotalSeconds:F1} s = {sent / published.TotalSeconds:N0} events/s " +
                          $"(batches of 1,000, {parallel} publishers, queue {queue})");

        await using var probe = await connection.CreateChannelAsync();
        while ((await probe.QueueDeclarePassiveAsync(queue)).MessageCount > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        Console.WriteLine($"amqp: queue drained {watch.Elapsed.TotalSeconds:F1} s after the first publish = {sent / watch.Elapsed.TotalSeconds:N0} events/s " +
                          $"(up to {IngestQueueInFlight} batches were still being stored)");
        return sent;
    }

    /// <summary>The executions service's unacknowledged deliveries at most (its ingest queue's prefetch).</summary>
    private const int IngestQueueInFlight = 4;
}
