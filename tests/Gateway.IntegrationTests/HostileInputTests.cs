using System.Net;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Gateway.IntegrationTests.GatewayReplica;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>
/// The hostile-parameter table against a real gateway. No service is deployed behind it: whatever the gateway refuses,
/// it refuses itself, before composing or proxying anything (a request it let through would find no service: a 502).
/// </summary>
public sealed class HostileInputTests(RedisAndRabbitMqFixture servers) : HostileInputTable, IClassFixture<RedisAndRabbitMqFixture>, IAsyncLifetime
{
    private readonly TestIssuer _key = NewIssuer();
    private GatewayReplica _gateway = null!;
    private HttpClient _reader = null!;

    protected override HttpClient Reader => _reader;

    protected override IReadOnlyList<string> Reads => ["/api/executive/overview"];

    protected override IReadOnlyList<BodyEndpoint> BodyEndpoints =>
        [new(HttpMethod.Post, "/api/dev/token", """{ "role": "ceo", "workspaces": "*", "name": "Table" }""", new Dictionary<string, (string, string)>
        {
            ["an unknown role"] = ("""{ "role": "emperor", "workspaces": "*" }""", "role"),
            ["a lone surrogate"] = ("""{ "role": "\uD800", "workspaces": "*" }""", "role"),
        })];

    public Task InitializeAsync()
    {
        _gateway = new GatewayReplica(servers.Redis, servers.Broker, _key);
        _reader = _gateway.CreateClient();
        _reader.DefaultRequestHeaders.Authorization = new("Bearer", Token(_key, "ceo", "*"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _reader.Dispose();
        await _gateway.DisposeAsync();
    }

    /// <summary><c>start</c> is the gateway's to tell the services; from outside it is refused whatever its value, on the
    /// overview and on every proxied service route.</summary>
    [Fact]
    public Task A_start_from_outside_is_refused_everywhere() => Rows.ExpectAllAsync(
        from path in new[] { "/api/executive/overview", "/api/executions/overview", "/api/users/earliest", "/api/billing/overview", "/api/alerts/overview" }
        from start in new[] { "2020-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "" }
        select Rows.Get(Reader, $"{path} start '{start}'", $"{path}?workspace_id=all&timeframe=all&start={Uri.EscapeDataString(start)}", "start"));

    [Fact]
    public Task A_parameter_given_twice_is_refused_before_it_is_proxied() => Rows.ExpectAllAsync(
        from path in new[] { "/api/executions/overview", "/api/alerts", "/api/users/earliest", "/api/annotations", "/api/goals" }
        select Rows.Get(Reader, path, $"{path}?workspace_id=ws_1&workspace_id=ws_2", "workspace_id"));

    [Fact]
    public Task Sections_the_overview_does_not_have_are_a_400_problem_naming_them() => Rows.ExpectAllAsync(
        from sections in new[] { "nope", "executionMetrics,nope", "executionMetrics\0", new string('x', 2000), "ExecutionMetrics" }
        select Rows.Get(Reader, $"sections '{sections[..Math.Min(sections.Length, 20)]}'",
            $"/api/executive/overview?workspace_id=ws_1&sections={Uri.EscapeDataString(sections)}", "sections"));

    [Fact]
    public Task The_overview_answers_without_start_and_with_known_sections() => Rows.ExpectAllAsync(
        from query in new[] { "workspace_id=all&timeframe=all", "workspace_id=ws_1&sections=executionMetrics,activeAlerts", "workspace_id=ws_1&sections=annotations", "workspace_id=ws_1&sections=" }
        select Rows.Get(Reader, query, $"/api/executive/overview?{query}", named: null, HttpStatusCode.OK));
}
