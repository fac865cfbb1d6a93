namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>Section names, as used in <c>meta.degraded</c> and in real-time frames.</summary>
public static class Sections
{
    public const string UserMetrics = "userMetrics";
    public const string ExecutionMetrics = "executionMetrics";
    public const string BusinessMetrics = "businessMetrics";

    /// <summary>The one field of businessMetrics the users service feeds.</summary>
    public const string ActiveWorkspaces = "businessMetrics.activeWorkspaces";
    public const string AgentMetrics = "agentMetrics";
    public const string TopUsers = "topUsers";
    public const string MrrMovements = "mrrMovements";
    public const string ActiveAlerts = "activeAlerts";
    public const string Annotations = "annotations";
    public const string Goals = "goals";
    public const string ExecutionTrend = "trends.execution";
    public const string UsersTrend = "trends.users";
    public const string RevenueTrend = "trends.revenue";
    public const string ErrorsTrend = "trends.errors";
}
