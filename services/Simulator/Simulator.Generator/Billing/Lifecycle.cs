using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.Generation.Billing;

/// <summary>A workspace's billing events in time order (ids still empty) and the spans in which it pays.</summary>
internal sealed record Lifecycle(List<BillingEvent> Events, List<PaidSpan> PaidSpans);
