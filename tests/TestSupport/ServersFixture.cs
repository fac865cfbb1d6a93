using Npgsql;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// One real PostgreSQL and one real RabbitMQ for the whole test run; every test gets a database of its own.
/// A test project derives one fixture from it, e.g.
/// <c>ExecutionsServersFixture() : ServersFixture&lt;ExecutionsService&gt;("executions", (database, broker) =&gt; new(database, broker))</c>.
/// </summary>
/// <param name="databasePrefix">Names the databases: <c>{prefix}_{guid}</c>.</param>
/// <param name="create">Builds the service over a database and the broker.</param>
public abstract class ServersFixture<TService>(string databasePrefix, Func<string, string, TService> create) : IAsyncLifetime
    where TService : IServiceUnderTest
{
    private PostgresServer _postgres = null!;
    private RabbitMqServer _rabbitMq = null!;

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync();
        var rabbitMq = RabbitMqServer.StartAsync();
        (_postgres, _rabbitMq) = (await postgres, await rabbitMq);
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        await _rabbitMq.DisposeAsync();
    }

    /// <summary>The fixture's own database server, e.g. to <see cref="LocalServer.Pause"/> it.</summary>
    public PostgresServer Postgres => _postgres;

    /// <summary>The fixture's own broker.</summary>
    public RabbitMqServer RabbitMq => _rabbitMq;

    /// <summary>Connection string of the broker.</summary>
    public string Broker => _rabbitMq.ConnectionString;

    /// <summary>Connection string of a database nobody else uses; not created yet (the service creates and migrates it).</summary>
    public string NewDatabase() =>
        new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = $"{databasePrefix}_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>A service over a database nobody else uses.</summary>
    public TService NewService() => create(NewDatabase(), Broker);

    /// <summary>A restart: the service is stopped (its host shut down, its consumers and background loops ended), then a new
    /// instance starts over the same database.</summary>
    public async Task<TService> RestartAsync(TService service)
    {
        await service.DisposeAsync();
        return create(service.ConnectionString, Broker);
    }

    /// <summary>Another instance of the same service over the same database, running beside it: a second replica.</summary>
    public TService Replica(TService service) => create(service.ConnectionString, Broker);
}
