using ExecutiveDashboard.AppHost.Infrastructure;
using ExecutiveDashboard.Contracts.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ExecutiveDashboard.AppHost;

public static class ServiceExtensions
{
    /// <summary>Readiness endpoint of every service (ServiceDefaults' <c>MapDefaultEndpoints</c>).</summary>
    public const string ServiceHealthPath = "/health";

    /// <summary>How many instances of every service and of the gateway run (<c>./run.sh --replicas N</c>; 1 by default).</summary>
    public const string ReplicasSetting = "Replicas";

    /// <summary>
    /// Adds one of the dashboard's back-end services (<see cref="ServiceCatalog"/>) with the settings they all share, its
    /// own database, and the message bus; it starts once those are healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, BackendService service, AppInfrastructure infrastructure)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(service.ResourceName)
            .WithSharedSettings()
            .WithConfiguredReplicas()
            .WithHttpEndpointOnPort(port: null)
            .WithHttpHealthCheck(ServiceHealthPath);
        var database = infrastructure.AddDatabase(service.Database);
        return project.WithReference(database).WaitFor(database)
            .WithReference(infrastructure.RabbitMq).WaitFor(infrastructure.RabbitMq);
    }

    /// <summary>
    /// The public keys every service verifies tokens with (<see cref="TokenKeyExtensions"/>), the metrics export interval,
    /// and the Development environment when the AppHost itself runs in Development.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSharedSettings(this IResourceBuilder<ProjectResource> project)
    {
        var app = project.ApplicationBuilder;
        project.WithTrustedTokenKeys();
        // Metrics to the Aspire dashboard every 5 s instead of Aspire's 1 s: its graphs keep a fine grain, and the
        // dashboard, which shares the machine with the services, spends far less CPU taking them in (docs/performance.md,
        // Telemetry). Traces and logs are unchanged.
        project.WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "5000");
        if (app.Environment.IsDevelopment())
        {
            project.WithEnvironment("ASPNETCORE_ENVIRONMENT", Environments.Development);
        }

        return project;
    }

    /// <summary>
    /// Runs the project as <see cref="ReplicasSetting"/> processes behind the orchestrator's proxy, which spreads requests
    /// over them, as a cluster's load balancer would: the services share their work through the database (locks, SKIP
    /// LOCKED) and the broker (competing consumers), so the numbers do not depend on the count (docs/scaling.md).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithConfiguredReplicas(this IResourceBuilder<ProjectResource> project)
    {
        var replicas = project.ApplicationBuilder.Configuration.GetValue(ReplicasSetting, 1);
        return replicas >= 1
            ? project.WithReplicas(replicas)
            : throw new InvalidOperationException($"{ReplicasSetting} must be 1 or more, not {replicas}.");
    }

    /// <summary>
    /// Serves plain http on <paramref name="port"/> (a random port when null), whether or not the
    /// project's launch profile already declares an <c>http</c> endpoint.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpointOnPort(this IResourceBuilder<ProjectResource> project, int? port)
    {
        var declared = project.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http");
        return declared
            ? project.WithEndpoint("http", endpoint => endpoint.Port = port ?? endpoint.Port)
            : project.WithHttpEndpoint(port: port, name: "http");
    }
}
