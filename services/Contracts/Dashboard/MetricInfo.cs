namespace ExecutiveDashboard.Contracts.Dashboard;

/// <param name="Unit">count, currency, percent, seconds or ratio.</param>
/// <param name="ChangeUnit">percent (relative change) or pp (percentage points); null when the metric has no change.</param>
public sealed record MetricInfo(string Unit, string? ChangeUnit, bool HigherIsBetter, string Description);
