using System.Collections.Concurrent;
using System.Collections.Immutable;
using MassTransit;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>The queues of one replica that each message has been received from, by message id, once the replica's bus is
/// done with it there, whether a consumer took it or it was skipped unread: a positive signal that a message has been
/// handled, so that a test never waits a guessed time for it. Connect it with <c>ConnectReceiveObserver</c>.</summary>
public sealed class ReceivedMessages : IReceiveObserver
{
    private readonly ConcurrentDictionary<Guid, ImmutableList<string>> _queues = new();

    public IReadOnlyList<string> QueuesOf(Guid messageId) => _queues.GetValueOrDefault(messageId, []);

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        if (context.GetMessageId() is { } id)
        {
            var queue = context.InputAddress.AbsolutePath.Split('/')[^1];
            _queues.AddOrUpdate(id, [queue], (_, queues) => queues.Add(queue));
        }
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
