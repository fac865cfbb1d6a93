using System.Text.Json;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.Platform.Resilience;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace ExecutiveDashboard.Platform.Ingest;

/// <summary>
/// Ingest over the bus: each message of the service's queue (<see cref="IngestQueueOptions.Queue"/>) is one batch, its
/// body exactly the JSON an HTTP ingest request carries. It is read by <see cref="IngestBatchReader"/>, as HTTP reads it,
/// and stored by the same <see cref="IEventIngest{T}.StoreAsync"/>, which claims its event ids: an event sent both ways
/// is counted once. A refused batch (malformed, invalid, too large) stores nothing and goes to
/// <see cref="IngestQueueOptions.ErrorQueue"/> with the problem HTTP would answer in <see cref="IngestQueueOptions.ProblemHeader"/>. A batch
/// that fails for a dependency's sake is retried as every consumer of the platform is (<see cref="EventBusExtensions"/>),
/// and set aside in the error queue only after that, or at once for a fault of the data (<see cref="Faults.IsPermanent"/>).
/// RabbitMQ.Client rather than MassTransit: MassTransit parses a raw JSON body before any consumer sees it, so a malformed
/// or oversized batch would fail with its own message, unbounded, instead of the ingest's refusal.
/// </summary>
public sealed partial class IngestQueue<T>(
    IngestQueueOptions options, IEventIngest<T> ingest, TimeProvider clock, LoopHealth health, ILogger<IngestQueue<T>> logger)
    : IHostedService, IAsyncDisposable where T : class
{
    /// <summary>Batches stored at once, as a few concurrent HTTP requests would be; more only queue on the same rows.</summary>
    public const ushort Concurrency = 4;

    /// <summary>How many bad fields the header names at most: a header travels in one AMQP frame (128 KiB by default),
    /// and the first hundred show what is wrong as well as five thousand would.</summary>
    public const int MaxErrorsNamed = 100;

    private static readonly Backoff Retry = new(TimeSpan.FromSeconds(1), EventBusExtensions.ConsumerRetryCap);

    private readonly CancellationTokenSource _stopping = new();
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>Connects, declares the queue and its error queue, and starts consuming, before the service answers: as
    /// the bus does, so that a publisher finds the queue once the service is up.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = options.Broker,
            RequestedHeartbeat = EventBusExtensions.Heartbeat,
            ClientProvidedName = options.Queue,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
        };
        _connection = await ConnectAsync(factory, cancellationToken);
        // Confirms: a refused batch is acknowledged only once the error queue holds it.
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
                consumerDispatchConcurrency: Concurrency), cancellationToken);
        await _channel.QueueDeclareAsync(options.ErrorQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await _channel.QueueDeclareAsync(options.Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await _channel.BasicQosAsync(0, Concurrency, false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(_channel, delivery);
        await _channel.BasicConsumeAsync(options.Queue, autoAck: false, consumer, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A batch being stored is not acknowledged: the broker delivers it again, and its claimed ids make that harmless.
        await _stopping.CancelAsync();
        try
        {
            await (_connection?.CloseAsync(cancellationToken) ?? Task.CompletedTask);
        }
        catch (Exception e) when (e is AlreadyClosedException or ObjectDisposedException)
        {
            // Closed by the broker or by recovery meanwhile, or already disposed with the host's services (a test host stops
            // after its broker is gone): nothing left to close.
        }
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
        _stopping.Dispose();
    }

    private async Task<IConnection> ConnectAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await factory.CreateConnectionAsync(cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff.Default.Delay(failures, Random.Shared.NextDouble());
                health.Failed(options.LoopName, e, delay);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        var stopping = _stopping.Token;
        try
        {
            // The body is the client's memory only while this handler runs: it is read, and dead-lettered, before returning.
            var (events, refusal) = IngestBatchReader.Read(delivery.Body, ingest, clock.GetUtcNow().UtcDateTime);
            if (refusal is null)
            {
                refusal = await StoreAsync(events, stopping);
            }
            else
            {
                LogRefused(options.Queue, refusal.Title, refusal.Detail);
            }
            if (refusal is not null)
            {
                await channel.BasicPublishAsync("", options.ErrorQueue, mandatory: false, DeadLettered(delivery, refusal), delivery.Body, stopping);
            }
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Left unacknowledged: delivered again after the restart.
        }
    }

    /// <summary>Null once stored; the reason when the store still fails after the retries, or fails for the data's sake.</summary>
    private async Task<IngestRefusal?> StoreAsync(IReadOnlyList<T> events, CancellationToken stopping)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                await ingest.StoreAsync(events, stopping);
                health.Succeeded(options.LoopName);
                return null;
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                var retry = !Faults.IsPermanent(e) && failures <= EventBusExtensions.ConsumerRetries;
                var delay = Retry.Step(failures);
                health.Failed(options.LoopName, e, retry ? delay : null);
                if (!retry)
                {
                    LogGaveUp(options.Queue, failures, e);
                    return new IngestRefusal(StatusCodes.Status503ServiceUnavailable, "Batch not stored",
                        $"Storing the batch failed {failures} time(s): {e.GetType().Name}: {e.Message}. Nothing was stored; publish it again once the cause is fixed.");
                }
                await Task.Delay(delay, clock, stopping);
            }
        }
    }

    /// <summary>The original message's properties and headers, and the problem.</summary>
    private BasicProperties DeadLettered(BasicDeliverEventArgs delivery, IngestRefusal refusal)
    {
        var errors = refusal.Errors?.Take(MaxErrorsNamed).ToDictionary();
        var problem = JsonSerializer.Serialize(new
        {
            status = refusal.StatusCode,
            title = refusal.Title,
            detail = refusal.Detail,
            errors,
            errorsNotNamed = (refusal.Errors?.Count ?? 0) - (errors?.Count ?? 0),
        });
        var properties = new BasicProperties(delivery.BasicProperties) { Persistent = true };
        properties.Headers = new Dictionary<string, object?>(properties.Headers ?? new Dictionary<string, object?>())
        {
            [IngestQueueOptions.ProblemHeader] = problem,
            ["x-ingest-queue"] = options.Queue,
        };
        return properties;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Queue} was refused and moved to its error queue: {Title}. {Detail}")]
    private partial void LogRefused(string queue, string title, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Queue} failed {Failures} time(s) and was moved to its error queue")]
    private partial void LogGaveUp(string queue, int failures, Exception exception);
}
