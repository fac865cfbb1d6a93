using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using TestSupport;

namespace Users.IntegrationTests;

/// <summary>The real users service (its own Program) over a real PostgreSQL database of its own and the real broker.</summary>
public sealed class UsersService : WebApplicationFactory<Program>
{
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly string _broker;

    public UsersService(string connectionString, string broker)
    {
        ConnectionString = connectionString;
        _broker = broker;
    }

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:usersdb", ConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", _broker);
        builder.UseSetting("Auth:SigningKey", _signingKey);
    }

    public HttpClient ClientFor(string role, string workspaces)
    {
        var client = CreateClient();
        var token = DashboardTokens.Create(new SymmetricSecurityKey(Convert.FromBase64String(_signingKey)),
            "test", "Test", role, workspaces, DateTime.UtcNow, TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Ingest => ClientFor(Roles.Ingest, "*");

    public HttpClient Ceo => ClientFor(Roles.Ceo, "*");

    public async Task<UsersOverview> OverviewAsync(string scope, string timeframe, string asOf)
    {
        using var response = await Ceo.GetAsync($"/api/users/overview?workspace_id={scope}&timeframe={timeframe}&asOf={Uri.EscapeDataString(asOf)}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UsersOverview>())!;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test gets a database of its own.</summary>
public sealed class ServersFixture : IAsyncLifetime
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

    public string Broker => _rabbitMq.ConnectionString;

    /// <summary>A service over a database nobody else uses; the service creates and migrates it.</summary>
    public UsersService NewService() => new(
        new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = $"users_{Guid.NewGuid():N}" }.ConnectionString,
        _rabbitMq.ConnectionString);

    /// <summary>Another instance of the same service over the same database: a restart.</summary>
    public UsersService Restart(UsersService service) => new(service.ConnectionString, _rabbitMq.ConnectionString);
}

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}
