namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>
/// A target on one metric of a scope, with its latest evaluation (the overview's <c>goals</c>). Every metric a goal can
/// name is higher-is-better, so reaching a value at or above the target meets it.
/// </summary>
/// <param name="Metric">mrr, arr, runs, dau, successRate or paidWorkspaces (<c>GoalMetrics</c> defines each value).</param>
/// <param name="TargetDate">The day (UTC) the target is due; the projection is read at its end.</param>
/// <param name="Baseline">The metric's value at the goal's first evaluation after it was set (or its metric changed);
/// null until then.</param>
/// <param name="Projected">The least-squares line through the metric's daily values of the last 30 days, read at the
/// end of the target date; null with fewer than 2 daily values.</param>
/// <param name="Progress">(current − baseline) / (target − baseline), clamped to 0–1; 1 once met.</param>
/// <param name="Status">met, onTrack, atRisk or offTrack; null until the first evaluation.</param>
public sealed record Goal(
    string Id, string WorkspaceId, string Metric, decimal Target, DateOnly TargetDate,
    decimal? Baseline, decimal? Current, decimal? Projected, double? Progress, string? Status, DateTime? EvaluatedAt);
