using ExecutiveDashboard.Platform.Resilience;
using MassTransit;

namespace ExecutiveDashboard.Platform.Messaging;

/// <summary>
/// Reports the message consumers in <see cref="LoopHealth"/>, one entry per message type (<c>consume RunsActivity</c>):
/// a failed attempt, one that the retry (<see cref="EventBusExtensions"/>) will repeat or one it gave up, makes it
/// Degraded, then Unhealthy while it lasts; a message consumed makes it Healthy again. As a retry observer it sees each
/// attempt; as a consume observer it sees the outcome of each message, including those that needed no retry.
/// </summary>
public sealed class ConsumerHealth(LoopHealth health) : IRetryObserver, IConsumeObserver
{
    public Task PostCreate<T>(RetryPolicyContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task PostFault<T>(RetryContext<T> context) where T : class, PipeContext
    {
        health.Failed(NameOf(typeof(T)), context.Exception, context.Delay);
        return Task.CompletedTask;
    }

    public Task PreRetry<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task RetryFault<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task RetryComplete<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        health.Succeeded(NameOf(typeof(T)));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        health.Failed(NameOf(typeof(T)), exception);
        return Task.CompletedTask;
    }

    /// <summary><c>consume X</c> for a message X, a consume context of X or a <c>Batch&lt;X&gt;</c>, so that the retries of
    /// a batch and the outcome of its messages report under one name.</summary>
    public static string NameOf(Type type)
    {
        if (new[] { type }.Concat(type.GetInterfaces()).FirstOrDefault(IsConsumeContext) is { } context)
        {
            type = context.GetGenericArguments()[0];
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Batch<>))
        {
            type = type.GetGenericArguments()[0];
        }
        return $"consume {type.Name}";
    }

    private static bool IsConsumeContext(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ConsumeContext<>);
}
