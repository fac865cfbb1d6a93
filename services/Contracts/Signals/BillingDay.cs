namespace ExecutiveDashboard.Contracts.Signals;

/// <summary>MRR and paid workspaces of a scope at one instant <paramref name="At"/> (events with occurredAt &lt; At), as the
/// overview counts them.</summary>
public sealed record BillingDay(DateTime At, decimal Mrr, long PaidWorkspaces);
