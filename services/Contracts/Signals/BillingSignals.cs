namespace ExecutiveDashboard.Contracts.Signals;

/// <summary>What the alert rules need of the billing service for one scope (<c>POST /api/billing/signals</c>):
/// MRR at asOf and 24 hours earlier, each as the state at that instant (events with occurredAt &lt; t).</summary>
public sealed record BillingSignals(DateTime AsOf, decimal Mrr, decimal MrrDayBefore);
