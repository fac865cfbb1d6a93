namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>One trend bucket; <c>timestamp</c> is the bucket start. Execution points also carry
/// <c>successful</c> and <c>failed</c>; other series omit them.</summary>
public sealed record TimeSeriesPoint(
    DateTime Timestamp,
    double Value,
    string? Label = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    long? Successful = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    long? Failed = null);
