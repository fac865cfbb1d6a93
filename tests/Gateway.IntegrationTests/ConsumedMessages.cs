using MassTransit;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>Counts the messages of type <typeparamref name="T"/> that one replica's bus has consumed from its queues whose
/// name starts with <paramref name="queuePrefix"/>: a positive signal that a burst has been handled, so that a test never
/// waits a guessed time for it. Connect it with <c>ConnectConsumeObserver</c>.</summary>
public sealed class ConsumedMessages<T>(string queuePrefix) : IConsumeObserver where T : class
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
    {
        if (context.Message is T && context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1].StartsWith(queuePrefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class => Task.CompletedTask;
}
