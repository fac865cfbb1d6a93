using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>The goals on the overview come from the alerts service in the call that brings its active alerts (no extra
/// round-trip), and the public goal routes are proxied to it.</summary>
public sealed class GoalsCompositionTests(RedisAndRabbitMqFixture broker) : IClassFixture<RedisAndRabbitMqFixture>, IAsyncLifetime
{
    private const string AlertsOverview = """
        {
          "activeAlerts": [{ "id": "a1", "type": "goal-off-track", "message": "MRR goal off track.", "severity": "medium", "triggeredAt": "2026-11-27T10:00:00Z" }],
          "goals": [{ "id": "g1", "workspaceId": "ws_goal", "metric": "mrr", "target": 20000, "targetDate": "2027-03-31", "baseline": 10000,
                      "current": 12000, "projected": 15000.5, "progress": 0.2, "status": "offTrack", "evaluatedAt": "2026-11-27T11:00:00Z" }]
        }
        """;

    private readonly TestIssuer _issuer = GatewayReplica.NewIssuer();
    private StubServices _services = null!;
    private GatewayReplica _gateway = null!;
    private HttpClient _ceo = null!;

    public async Task InitializeAsync()
    {
        _services = await StubServices.StartAsync(new Dictionary<string, string> { ["/api/alerts/overview"] = AlertsOverview });
        _gateway = new GatewayReplica(broker.Redis, broker.Broker, _issuer, settings: new Dictionary<string, string>(_services.Routes.Concat(_services.Discovery)));
        _ceo = _gateway.CreateClient();
        _ceo.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayReplica.Token(_issuer, "ceo", "*"));
    }

    public async Task DisposeAsync()
    {
        _ceo.Dispose();
        await _gateway.DisposeAsync();
        await _services.DisposeAsync();
    }

    private int AskedOfAlerts() => _services.Requests.Count(r => r.StartsWith("GET /api/alerts", StringComparison.Ordinal));

    [Fact]
    public async Task The_overview_carries_the_goals_from_the_one_call_that_brings_the_active_alerts()
    {
        var before = AskedOfAlerts();
        var overview = (await _ceo.GetFromJsonAsync<JsonObject>("/api/executive/overview?workspace_id=ws_goal&timeframe=30d&asOf=2026-11-28T00:00:00Z"))!;

        Assert.Equal(1, AskedOfAlerts() - before);
        Assert.Contains("GET /api/alerts/overview", _services.Requests);
        Assert.Equal("goal-off-track", overview["activeAlerts"]![0]!["type"]!.GetValue<string>());
        var goal = overview["goals"]![0]!;
        Assert.Equal(("g1", "mrr", 20000m, "2027-03-31", 10000m, 12000m, 15000.5m, 0.2, "offTrack", "2026-11-27T11:00:00Z"),
            (goal["id"]!.GetValue<string>(), goal["metric"]!.GetValue<string>(), goal["target"]!.GetValue<decimal>(), goal["targetDate"]!.GetValue<string>(),
             goal["baseline"]!.GetValue<decimal>(), goal["current"]!.GetValue<decimal>(), goal["projected"]!.GetValue<decimal>(),
             goal["progress"]!.GetValue<double>(), goal["status"]!.GetValue<string>(), goal["evaluatedAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_refetch_of_the_goals_asks_the_alerts_service_alone()
    {
        var before = _services.Requests.Count;
        var overview = (await _ceo.GetFromJsonAsync<JsonObject>("/api/executive/overview?workspace_id=ws_goal&timeframe=30d&sections=goals&asOf=2026-11-28T00:00:00Z"))!;

        Assert.Equal(["GET /api/alerts/overview"], _services.Requests.Skip(before));
        Assert.Equal(["activeAlerts", "annotations", "goals"], overview["meta"]!["sections"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("g1", overview["goals"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_goal_routes_are_proxied_to_the_alerts_service_and_need_a_token()
    {
        using (var list = await _ceo.GetAsync("/api/goals?workspace_id=ws_goal"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
        using (var set = await _ceo.PostAsJsonAsync("/api/goals", new { workspaceId = "ws_goal", metric = "mrr", target = 1, targetDate = "2027-03-31" }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }
        Assert.Contains("GET /api/goals", _services.Requests);
        Assert.Contains("POST /api/goals", _services.Requests);

        var before = _services.Requests.Count;
        using var anonymous = await _gateway.CreateClient().GetAsync("/api/goals?workspace_id=ws_goal");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(before, _services.Requests.Count);
    }
}
