using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExecutiveDashboard.AppHost.Infrastructure.Local;

/// <summary>Declares the servers of <c>infra/</c> as Aspire resources with a readiness check each.</summary>
public static class LocalServerExtensions
{
    public static IResourceBuilder<LocalServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddLocalServer(
            name,
            "infra/postgres.sh",
            endpoint => ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={endpoint.Property(EndpointProperty.Port)};Username=postgres"),
            server => new PostgresReadyCheck(server));

    public static IResourceBuilder<LocalServerResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddLocalServer(
            name,
            "infra/redis.sh",
            endpoint => ReferenceExpression.Create($"127.0.0.1:{endpoint.Property(EndpointProperty.Port)}"),
            server => new RedisReadyCheck(server));

    public static IResourceBuilder<LocalServerResource> AddLocalRabbitMq(this IDistributedApplicationBuilder builder, string name)
    {
        // Erlang distribution needs a second port; its default (AMQP port + 20000) can overflow.
        var distPort = FreeTcpPort.Next();
        return builder.AddLocalServer(
                name,
                "infra/rabbitmq.sh",
                endpoint => ReferenceExpression.Create(
                    $"amqp://guest:guest@127.0.0.1:{endpoint.Property(EndpointProperty.Port)}"),
                server => new RabbitMqReadyCheck(server))
            .WithEndpoint(port: distPort, targetPort: distPort, name: "dist", env: "DIST_PORT", isProxied: false);
    }

    /// <summary>The app model's smtp4dev resource, and its endpoint that serves the web UI and the REST API of received mails.</summary>
    public const string SmtpResource = "smtp";

    public const string Smtp4devWebEndpoint = "web";

    /// <summary>smtp4dev (infra/smtp4dev.sh, which installs the dotnet tool into the repository's .tools when missing): an
    /// SMTP server that keeps every mail, shown in its web UI, whose address the dashboard lists as the resource's
    /// <c>web</c> endpoint. Connection string <c>smtp://127.0.0.1:port</c>.</summary>
    public static IResourceBuilder<LocalServerResource> AddLocalSmtp4dev(this IDistributedApplicationBuilder builder, string name)
    {
        var webPort = FreeTcpPort.Next();
        return builder.AddLocalServer(
                name,
                "infra/smtp4dev.sh",
                endpoint => ReferenceExpression.Create($"smtp://127.0.0.1:{endpoint.Property(EndpointProperty.Port)}"),
                server => new SmtpReadyCheck(server))
            .WithHttpEndpoint(port: webPort, targetPort: webPort, name: Smtp4devWebEndpoint, env: "WEB_PORT", isProxied: false);
    }

    /// <summary>
    /// A database on a local PostgreSQL server, running and healthy when its server is. Aspire
    /// already applies the parent's health checks to a child resource; naming the same check here
    /// again would duplicate its report, and the resource would never be seen healthy.
    /// </summary>
    public static IResourceBuilder<LocalDatabaseResource> AddLocalDatabase(
        this IResourceBuilder<LocalServerResource> server, string name, string? databaseName = null)
    {
        var database = server.ApplicationBuilder
            .AddResource(new LocalDatabaseResource(name, databaseName ?? name, server.Resource))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .ExcludeFromManifest();

        // Aspire mirrors a parent's state onto its children only for containers: do it here, or
        // whatever waits for the database would wait forever.
        server
            .OnResourceReady((_, e, _) => e.Services.GetRequiredService<ResourceNotificationService>()
                .PublishUpdateAsync(database.Resource, s => s with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                }))
            .OnResourceStopped((_, e, _) => e.Services.GetRequiredService<ResourceNotificationService>()
                .PublishUpdateAsync(database.Resource, s => s with
                {
                    State = e.ResourceEvent.Snapshot.State,
                    StopTimeStamp = DateTime.UtcNow,
                }));
        return database;
    }

    private static IResourceBuilder<LocalServerResource> AddLocalServer(
        this IDistributedApplicationBuilder builder,
        string name,
        string script,
        Func<EndpointReference, ReferenceExpression> connectionString,
        Func<LocalServerResource, IHealthCheck> readyCheck)
    {
        var paths = LocalPaths.Of(builder);
        var server = new LocalServerResource(name, paths.RepositoryRoot, connectionString);

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            server.HealthCheckKey, _ => readyCheck(server), HealthStatus.Unhealthy, tags: null, timeout: TimeSpan.FromSeconds(10)));

        // Not proxied: the server listens on the very port of the connection string. DCP does not
        // allocate ports for proxy-less endpoints, so pick a free one here.
        var port = FreeTcpPort.Next();
        return builder.AddResource(server)
            .WithArgs(Path.Combine(paths.RepositoryRoot, script))
            .WithEndpoint(port: port, targetPort: port, name: LocalServerResource.PrimaryEndpointName, env: "PORT", isProxied: false)
            .WithEnvironment("DATA_DIR", paths.DataDirectory(name))
            .WithHealthCheck(server.HealthCheckKey)
            .ExcludeFromManifest();
    }
}
