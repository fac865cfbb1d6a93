using System.Diagnostics.Metrics;

namespace ExecutiveDashboard.Platform.Ingest;

/// <summary>The events ingest stored, duplicates left out, by type, on the meter of the service that stored them: how
/// fast each service takes events in. Counted once the batch is committed (<see cref="IngestTransaction.RunAsync"/>).</summary>
public sealed class AcceptedEvents(Meter meter)
{
    public const string InstrumentName = "dashboard.ingest.accepted";
    public const string TypeTag = "event.type";

    private readonly Counter<long> _accepted = meter.CreateCounter<long>(InstrumentName, unit: "{event}",
        description: "Events stored by ingest (duplicates left out), by event type.");

    public void Add<T>(IEnumerable<T> events, Func<T, string> typeOf)
    {
        foreach (var type in events.GroupBy(typeOf))
        {
            _accepted.Add(type.Count(), new KeyValuePair<string, object?>(TypeTag, type.Key));
        }
    }
}
