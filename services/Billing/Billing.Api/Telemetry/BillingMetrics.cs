using System.Diagnostics.Metrics;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Platform.Ingest;

namespace ExecutiveDashboard.Billing.Telemetry;

/// <summary>The billing service's meter: events accepted.</summary>
public sealed class BillingMetrics(IMeterFactory meters)
{
    public const string MeterName = "ExecutiveDashboard.Billing";

    private readonly AcceptedEvents _accepted = new(meters.Create(MeterName));

    public void EventsAccepted(IReadOnlyList<BillingEvent> events) => _accepted.Add(events, e => e.Type);
}
