namespace ExecutiveDashboard.Contracts.Metrics;

public static class Scopes
{
    /// <summary>The <c>workspace_id</c> that asks for the whole platform.</summary>
    public const string Platform = "all";
}
