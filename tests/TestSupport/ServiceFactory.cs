using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExecutiveDashboard.Platform.Ingest;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>What the shared fixture and tests need of a service under test, whatever its Program.</summary>
public interface IServiceUnderTest : IAsyncDisposable
{
    /// <summary>The service's own database.</summary>
    string ConnectionString { get; }

    /// <summary>The service's URL prefix, e.g. <c>/api/executions</c>: ingest is <c>{prefix}/events</c>, reads <c>{prefix}/overview</c>.</summary>
    string ApiPrefix { get; }

    /// <summary>A client without a token.</summary>
    HttpClient CreateClient();

    HttpClient ClientFor(string role, string workspaces);

    /// <summary>The tables ingest writes: a refused batch leaves each as it was. Empty for a service without ingest.</summary>
    IReadOnlyList<string> IngestTables { get; }

    HttpClient Ingest { get; }

    HttpClient Ceo { get; }

    Task<long> ScalarAsync(string sql);

    /// <summary>A publisher to this service's ingest queue, of its own: instances over one database share the queue,
    /// as replicas do, and those of other tests on the same broker have theirs.</summary>
    IngestQueueClient IngestQueue();
}

/// <summary>
/// A real service (its own <typeparamref name="TProgram"/>) over a real PostgreSQL database of its own and the
/// real broker. It trusts <see cref="TestIssuer.Everyone"/> for every role, so tests can mint any token, and
/// <see cref="TestIssuer.ServiceOnly"/> for the role <c>service</c>, as services trust the alerts service's key.
/// </summary>
/// <param name="connectionString">The service's database; the service creates and migrates it.</param>
/// <param name="broker">RabbitMQ connection string.</param>
/// <param name="databaseName">The service's connection-string name, e.g. <c>executionsdb</c>.</param>
/// <param name="apiPrefix">The service's URL prefix, e.g. <c>/api/executions</c>.</param>
public abstract class ServiceFactory<TProgram, TOverview>(string connectionString, string broker, string databaseName, string apiPrefix)
    : WebApplicationFactory<TProgram>, IServiceUnderTest
    where TProgram : class
{
    public string ConnectionString { get; } = connectionString;

    public string ApiPrefix { get; } = apiPrefix;

    public virtual IReadOnlyList<string> IngestTables => [];

    /// <summary>More configuration for the service, e.g. <c>BackgroundLoops:UnhealthyAfter</c>; set before it starts
    /// (its first client).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{databaseName}", ConnectionString);
        builder.UseSetting("ConnectionStrings:rabbitmq", broker);
        builder.UseSetting(IngestQueueOptions.QueueSetting, IngestQueueName);
        foreach (var (key, value) in TestIssuer.Everyone.TrustSettings.Concat(TestIssuer.ServiceOnly.TrustSettings).Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    public IngestQueueClient IngestQueue()
    {
        // The service declares its queue as it starts: started here, a publisher finds it.
        _ = Services;
        return new(broker, new IngestQueueOptions(new Uri(broker), IngestQueueName));
    }

    private string IngestQueueName => $"ingest-{new NpgsqlConnectionStringBuilder(ConnectionString).Database}";

    public HttpClient ClientFor(string role, string workspaces) => ClientFor(role, workspaces, subject: "test");

    /// <summary>A client whose token names a person of its own (<c>sub</c>, and <c>name</c> as people read it), for what is
    /// kept per person.</summary>
    public HttpClient ClientFor(string role, string workspaces, string subject, string name = "Test")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestIssuer.Everyone.Token(role, workspaces, subject, name: name));
        return client;
    }

    public HttpClient Ingest => ClientFor(Roles.Ingest, "*");

    public HttpClient Ceo => ClientFor(Roles.Ceo, "*");

    /// <param name="reader">More of the query string, e.g. <c>&amp;tz=Asia/Kolkata&amp;weekStart=sunday</c>.</param>
    public async Task<TOverview> OverviewAsync(string scope, string timeframe, string asOf, string reader = "")
    {
        using var response = await GetOverviewAsync(scope, timeframe, asOf, reader);
        return (await response.Content.ReadFromJsonAsync<TOverview>())!;
    }

    public async Task<string> OverviewJsonAsync(string scope, string timeframe, string asOf)
    {
        using var response = await GetOverviewAsync(scope, timeframe, asOf);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private async Task<HttpResponseMessage> GetOverviewAsync(string scope, string timeframe, string asOf, string reader = "")
    {
        var response = await Ceo.GetAsync($"{ApiPrefix}/overview?workspace_id={scope}&timeframe={timeframe}&asOf={Uri.EscapeDataString(asOf)}{reader}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
