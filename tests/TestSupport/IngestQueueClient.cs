using System.Text;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Platform.Ingest;
using RabbitMQ.Client;

namespace ExecutiveDashboard.TestSupport;

/// <summary>A publisher of the ingest queue as another platform service would be one: plain RabbitMQ.Client, the batch's
/// JSON as the body, no MassTransit envelope; and a reader of the queue's error queue.</summary>
public sealed class IngestQueueClient(string broker, IngestQueueOptions queue) : IAsyncDisposable
{
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>How the service's health names the queue's consumer.</summary>
    public string LoopName => queue.LoopName;

    public async Task PublishAsync(string json) => await PublishAsync(Encoding.UTF8.GetBytes(json));

    public async Task PublishAsync(byte[] body)
    {
        var channel = await ChannelAsync();
        await channel.BasicPublishAsync("", queue.Queue, mandatory: true,
            new BasicProperties { ContentType = "application/json", Persistent = true }, body);
    }

    /// <summary>The problem header of the next refused batch, with its body; fails after <paramref name="patience"/>.</summary>
    public async Task<(JsonObject Problem, byte[] Body)> NextRefusedAsync(TimeSpan patience)
    {
        var channel = await ChannelAsync();
        BasicGetResult? refused = null;
        await Poll.UntilAsync($"a message in {queue.ErrorQueue}",
            async () => (refused = await channel.BasicGetAsync(queue.ErrorQueue, autoAck: true)) is not null, patience);
        var header = (byte[])refused!.BasicProperties.Headers![IngestQueueOptions.ProblemHeader]!;
        return (JsonNode.Parse(header)!.AsObject(), refused.Body.ToArray());
    }

    /// <summary>How many refused batches wait in the error queue.</summary>
    public async Task<uint> RefusedCountAsync() => (await (await ChannelAsync()).QueueDeclarePassiveAsync(queue.ErrorQueue)).MessageCount;

    private async Task<IChannel> ChannelAsync()
    {
        _connection ??= await new ConnectionFactory { Uri = new Uri(broker), ClientProvidedName = "test-ingest-publisher" }.CreateConnectionAsync();
        return _channel ??= await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
