namespace ExecutiveDashboard.Contracts.Metrics;

/// <summary>One piece of a period and the rollup resolution that covers it exactly.</summary>
public readonly record struct Slice(Grain Grain, Period Period);
