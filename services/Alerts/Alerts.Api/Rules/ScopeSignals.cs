using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Signals;

namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>Everything the rules read about one scope at one instant. A source that could not be read is
/// null: the rules that need it say <see cref="Outcome.Unknown"/> and leave their alerts as they are.</summary>
/// <param name="Goals">The scope's goals as this round evaluated them ([] without goals).</param>
public sealed record ScopeSignals(string Scope, DateTime AsOf, ExecutionSignals? Executions, BillingSignals? Billing,
    IReadOnlyList<Goal>? Goals = null);
