using ExecutiveDashboard.AppHost.Infrastructure.Local;
using Microsoft.Extensions.Configuration;

namespace ExecutiveDashboard.AppHost.Infrastructure;

public static class InfrastructureExtensions
{
    /// <summary>
    /// Declares PostgreSQL (<c>postgres</c>), Redis (<c>redis</c>) and RabbitMQ (<c>rabbitmq</c>).
    /// <c>EXECUTIVE_DASHBOARD_INFRA=containers|local</c> chooses how they run; by default containers
    /// are used when a container engine answers, local executables otherwise.
    /// </summary>
    public static AppInfrastructure AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        return ChooseMode(builder) switch
        {
            InfrastructureMode.Containers => AddContainers(builder),
            _ => AddLocalServers(builder),
        };
    }

    private static InfrastructureMode ChooseMode(IDistributedApplicationBuilder builder)
    {
        // A manifest describes containers; local executables only make sense on this machine.
        if (builder.ExecutionContext.IsPublishMode)
        {
            return InfrastructureMode.Containers;
        }

        switch (builder.Configuration["EXECUTIVE_DASHBOARD_INFRA"]?.ToLowerInvariant())
        {
            case "containers":
                return InfrastructureMode.Containers;
            case "local":
                return InfrastructureMode.Local;
        }

        var runtime = builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]
            ?? builder.Configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"]
            ?? "docker";
        return ContainerRuntime.Answers(runtime, TimeSpan.FromSeconds(5))
            ? InfrastructureMode.Containers
            : InfrastructureMode.Local;
    }

    private static AppInfrastructure AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres");
        return new AppInfrastructure(
            InfrastructureMode.Containers,
            postgres,
            // Byte-order text, as the services' migrator creates it on a server of its own (DatabaseMigrator.CreateDatabaseSql).
            name => postgres.AddDatabase(name).WithCreationScript($"CREATE DATABASE \"{name}\" TEMPLATE template0 LC_COLLATE 'C'"),
            builder.AddRedis("redis"),
            builder.AddRabbitMQ("rabbitmq"));
    }

    private static AppInfrastructure AddLocalServers(IDistributedApplicationBuilder builder)
    {
        // The whole system's data in one server: at 10 M runs its hot indexes outgrow the tests' 256 MB (docs/performance.md).
        var postgres = builder.AddLocalPostgres("postgres").WithEnvironment("SHARED_BUFFERS", "2GB");
        return new AppInfrastructure(
            InfrastructureMode.Local,
            postgres,
            name => postgres.AddLocalDatabase(name),
            builder.AddLocalRedis("redis"),
            builder.AddLocalRabbitMq("rabbitmq"));
    }
}
