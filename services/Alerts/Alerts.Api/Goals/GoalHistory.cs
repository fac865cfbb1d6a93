using ExecutiveDashboard.Contracts.Signals;

namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>The daily history of a scope that the goals read: null where its service did not answer (or was catching up).</summary>
public sealed record GoalHistory(IReadOnlyList<BillingDay>? Billing, IReadOnlyList<RunWindow>? Runs);
