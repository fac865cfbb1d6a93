namespace ExecutiveDashboard.Platform.Ingest;

/// <param name="Broker">The app model's RabbitMQ (<c>ConnectionStrings:rabbitmq</c>, an amqp:// URI).</param>
/// <param name="Queue">The queue the service takes batches from (<c>users-ingest</c>).</param>
public sealed record IngestQueueOptions(Uri Broker, string Queue)
{
    /// <summary>Configuration that names another queue than the service's own: test instances sharing a broker each take theirs.</summary>
    public const string QueueSetting = "Ingest:Queue";

    /// <summary>The header of a refused batch in the error queue: the RFC 7807 problem an HTTP request would have been
    /// answered (<c>status</c>, <c>title</c>, <c>detail</c>, <c>errors</c>), as JSON.</summary>
    public const string ProblemHeader = "x-ingest-problem";

    /// <summary>Where refused batches go, with the reason: named as MassTransit names the error queues of the other consumers.</summary>
    public string ErrorQueue => $"{Queue}_error";

    /// <summary>How <c>LoopHealth</c> names the queue's consumer, as it names the MassTransit consumers.</summary>
    public string LoopName => $"consume {Queue}";
}
