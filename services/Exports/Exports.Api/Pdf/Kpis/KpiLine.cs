using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Exports.Pdf.Kpis;

/// <summary>One number of a card: its label, value and, where the contract has one, its change.</summary>
/// <param name="HasChange">Whether the metric has a change in the contract (the change may still be null: "n/a").</param>
/// <param name="Degraded">Its section could not be fetched: the number is missing, not zero.</param>
public sealed record KpiLine(string Label, double? Value, MetricInfo Info, bool HasChange, double? Change, bool Degraded);
