namespace ExecutiveDashboard.Exports.Csv;

/// <summary>A field of a contract record as the CSV writes it: one row whose <c>metric</c> is <paramref name="Name"/>.</summary>
/// <param name="Name">The contract's key, camelCase exactly as the JSON names it.</param>
/// <param name="UnitOf">The <c>meta.metricInfo</c> key whose unit the value has, or null for none.</param>
/// <param name="IsChange">The value is the change of <paramref name="UnitOf"/>: its unit is that metric's <c>changeUnit</c>.</param>
/// <param name="FedBy">The <c>meta.degraded</c> name that leaves this field out when it is not the section's own
/// (<c>businessMetrics.activeWorkspaces</c>, which the users service feeds).</param>
internal sealed record CsvField<T>(string Name, Func<T, CsvValue> Value, string? UnitOf = null, bool IsChange = false, string? FedBy = null);
