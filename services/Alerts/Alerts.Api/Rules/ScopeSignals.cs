using ExecutiveDashboard.Contracts.Signals;

namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>Everything the rules read about one scope at one instant. A source that could not be read is
/// null: the rules that need it say <see cref="Outcome.Unknown"/> and leave their alerts as they are.</summary>
public sealed record ScopeSignals(string Scope, DateTime AsOf, ExecutionSignals? Executions, BillingSignals? Billing);
