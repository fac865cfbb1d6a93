namespace ExecutiveDashboard.Contracts.Signals;

/// <summary>What the alert rules need of the billing service for one scope (<c>POST /api/billing/signals</c>):
/// MRR at asOf and 24 hours earlier, each as the state at that instant (events with occurredAt &lt; t).</summary>
/// <param name="Daily">With <see cref="SignalsQuery.Days"/> = n: the state at asOf − n days, …, asOf − 1 day and asOf
/// (n + 1 instants, oldest first); null when none was asked.</param>
public sealed record BillingSignals(DateTime AsOf, decimal Mrr, decimal MrrDayBefore, IReadOnlyList<BillingDay>? Daily = null);
