using ExecutiveDashboard.Simulator.Generation.Catalog;

namespace ExecutiveDashboard.Simulator.Generation.Billing;

/// <summary>A span in which a workspace pays, on the terms it started with (plan changes come later, <see cref="PlanChanges"/>).</summary>
internal sealed record PaidSpan(DateTime From, DateTime To, Price Price);
