using ExecutiveDashboard.Contracts.Dashboard;

namespace ExecutiveDashboard.Contracts.Services;

/// <summary>The dashboard's back-end services (<see cref="BackendService"/>): one entry each, read by the app model, the
/// services, the gateway's overview and the tests.</summary>
public static class ServiceCatalog
{
    public static readonly BackendService Executions = new("executions",
        [Sections.ExecutionMetrics, Sections.AgentMetrics, Sections.TopUsers, Sections.ExecutionTrend, Sections.ErrorsTrend]);

    /// <summary>Feeds one field of businessMetrics (activeWorkspaces), and its changes name the whole of businessMetrics; they
    /// also name topUsers, whose names it holds while the executions service feeds the section.</summary>
    public static readonly BackendService Users = new("users",
        Feeds: [Sections.UserMetrics, Sections.UsersTrend, Sections.ActiveWorkspaces],
        Changes: [Sections.UserMetrics, Sections.UsersTrend, Sections.BusinessMetrics, Sections.TopUsers]);

    public static readonly BackendService Billing = new("billing",
        [Sections.BusinessMetrics, Sections.MrrMovements, Sections.RevenueTrend]);

    public static readonly BackendService Alerts = new("alerts", [Sections.ActiveAlerts]);

    /// <summary>Every service, in the order the gateway asks them for the overview.</summary>
    public static readonly IReadOnlyList<BackendService> All = [Executions, Users, Billing, Alerts];

    /// <exception cref="ArgumentException">No service has this name.</exception>
    public static BackendService Named(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No service is named '{name}'.", nameof(name));
}
