namespace ExecutiveDashboard.EndToEndTests;

/// <summary>One element axe-core found breaking one of its rules: the rule's id, the element's CSS path, the impact
/// axe gives it (minor, moderate, serious, critical) and what it says to fix.</summary>
public sealed record AxeFinding(string Rule, string Target, string Impact, string Summary)
{
    public bool IsSeriousOrWorse => Impact is "serious" or "critical";

    public override string ToString() => $"{Impact} {Rule} at {Target}: {Summary.ReplaceLineEndings(" ")}";
}
