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

namespace Billing.IntegrationTests;

/// <summary>The real billing service (its own Program) over a real PostgreSQL database of its own.</summary>
public sealed class BillingService : WebApplicationFactory<Program>
{
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly string _broker;

    public BillingService(string connectionString, string broker)
    {
        ConnectionString = connectionString;
        _broker = broker;
    }

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:billingdb", ConnectionString);
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

    public async Task<BillingOverview> OverviewAsync(string scope, string timeframe, string asOf)
    {
        using var response = await Ceo.GetAsync($"/api/billing/overview?workspace_id={scope}&timeframe={timeframe}&asOf={Uri.EscapeDataString(asOf)}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BillingOverview>())!;
    }

    public async Task<string> OverviewJsonAsync(string scope, string timeframe, string asOf)
    {
        using var response = await Ceo.GetAsync($"/api/billing/overview?workspace_id={scope}&timeframe={timeframe}&asOf={Uri.EscapeDataString(asOf)}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}

/// <summary>One real PostgreSQL and one real RabbitMQ for the whole test run; every test class gets
/// databases of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
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

    /// <summary>A service over a database nobody else uses; the service creates and migrates it.</summary>
    public BillingService NewService() => new(
        new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Database = $"billing_{Guid.NewGuid():N}" }.ConnectionString,
        _rabbitMq.ConnectionString);

    /// <summary>Another instance of the same service over the same database: a restart.</summary>
    public BillingService Restart(BillingService service) => new(service.ConnectionString, _rabbitMq.ConnectionString);
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
