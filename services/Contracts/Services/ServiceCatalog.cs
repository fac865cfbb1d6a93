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

    /// <summary>Also keeps the annotations (<see cref="AnnotationsRoutePrefix"/>) and the goals (<see cref="GoalsRoutePrefix"/>),
    /// which it evaluates in its rounds. A change of an alert names activeAlerts alone; a write of an annotation names
    /// annotations alone, and a change of a goal (set, edited, deleted, its status moved) goals alone, so that none makes the
    /// page refetch the others.</summary>
    public static readonly BackendService Alerts = new("alerts",
        Feeds: [Sections.ActiveAlerts, Sections.Annotations, Sections.Goals],
        Changes: [Sections.ActiveAlerts]);

    /// <summary>The annotations' routes, a public prefix of their own that the gateway proxies to the alerts service, which
    /// keeps them.</summary>
    public const string AnnotationsRoutePrefix = "/api/annotations";

    /// <summary>The goals' public routes, which the gateway proxies to <see cref="Alerts"/>.</summary>
    public const string GoalsRoutePrefix = "/api/goals";

    /// <summary>Turns the composed overview into files and keeps their audit. It feeds no section: it reads the overview
    /// through the gateway, with the caller's own token, and is not in <see cref="All"/>.</summary>
    public static readonly BackendService Exports = new("exports", []);

    /// <summary>The gateway: the one public entry, which composes the overview and proxies every <see cref="BackendService.RoutePrefix"/>.</summary>
    public const string Gateway = "gateway";

    /// <summary>The gateway's address through service discovery, for the services that read the composed overview.</summary>
    public static readonly Uri GatewayAddress = new($"http://{Gateway}");

    /// <summary>Every service that feeds the overview, in the order the gateway asks them for it.</summary>
    public static readonly IReadOnlyList<BackendService> All = [Executions, Users, Billing, Alerts];

    /// <summary>Every service behind the gateway: those of the overview and the exports service.</summary>
    public static readonly IReadOnlyList<BackendService> Proxied = [.. All, Exports];

    /// <exception cref="ArgumentException">No service has this name.</exception>
    public static BackendService Named(string name) =>
        Proxied.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No service is named '{name}'.", nameof(name));
}
