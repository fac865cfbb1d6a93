using System.Diagnostics.Metrics;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>Counts the messages a consumer type has consumed in this process, from MassTransit's own
/// <c>messaging.masstransit.consume</c> measurements: a positive signal that a burst has been handled, so that a test
/// never waits a guessed time for it. Every replica in the process counts.</summary>
public sealed class ConsumedMessages : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public ConsumedMessages(Type consumer)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "messaging.masstransit.consume")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "messaging.masstransit.consumer_type" && tag.Value is string type && type.EndsWith(consumer.Name, StringComparison.Ordinal))
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
