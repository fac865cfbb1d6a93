using ExecutiveDashboard.Contracts.Signals;

namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>The daily history of a scope that the goals read: null where its service did not answer (or was catching up),
/// and <paramref name="ActiveUsers"/> also where it was not asked (a scope without a dau goal).</summary>
public sealed record GoalHistory(IReadOnlyList<BillingDay>? Billing, IReadOnlyList<RunWindow>? Runs, IReadOnlyList<ActiveUsersDay>? ActiveUsers = null);
