namespace ExecutiveDashboard.AppHost.Infrastructure;

/// <summary>
/// The servers every service relies on, whether they run as containers or as local executables.
/// Callers only see connection-string resources, usable with <c>WithReference</c> and <c>WaitFor</c>.
/// </summary>
public sealed class AppInfrastructure(
    InfrastructureMode mode,
    IResourceBuilder<IResourceWithConnectionString> postgres,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase,
    IResourceBuilder<IResourceWithConnectionString> redis,
    IResourceBuilder<IResourceWithConnectionString> rabbitMq)
{
    public InfrastructureMode Mode { get; } = mode;

    /// <summary>The PostgreSQL server (resource <c>postgres</c>).</summary>
    public IResourceBuilder<IResourceWithConnectionString> Postgres { get; } = postgres;

    /// <summary>Redis (resource <c>redis</c>), connection string <c>host:port[,password=…]</c>.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Redis { get; } = redis;

    /// <summary>RabbitMQ (resource <c>rabbitmq</c>), connection string <c>amqp://user:password@host:port</c>.</summary>
    public IResourceBuilder<IResourceWithConnectionString> RabbitMq { get; } = rabbitMq;

    /// <summary>
    /// A database on <see cref="Postgres"/>. Its connection string names the database; the owning
    /// service creates it at start-up when it does not exist yet.
    /// </summary>
    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => addDatabase(name);
}

public enum InfrastructureMode
{
    /// <summary>Aspire's container resources (AddPostgres, AddRedis, AddRabbitMQ).</summary>
    Containers,

    /// <summary>The same servers started from <c>infra/*.sh</c> as local processes.</summary>
    Local,
}
