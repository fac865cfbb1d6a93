using System.Net;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>The table on the alerts list (which takes workspace_id, timeframe and asOf like the overview) and the rule edits.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostileInputTests(AlertsServersFixture servers) : ServiceHostileInputTable<AlertsService>(servers)
{
    protected override IReadOnlyList<string> Reads => ["/api/alerts"];

    protected override DateTime Now => Service.Now;

    protected override IReadOnlyList<BodyEndpoint> BodyEndpoints =>
    [
        new(HttpMethod.Put, "/api/alerts/rules/high-error-rate", """{ "minRuns": 10 }""", new Dictionary<string, (string, string)>
        {
            ["no parameter"] = ("{}", "parameters"),
            ["a number beyond decimal"] = ("""{ "minRuns": 1e300 }""", "minRuns"),
            ["below the range"] = ("""{ "minRuns": 0 }""", "minRuns"),
            ["a number as text"] = ("""{ "errorRate": "10" }""", "errorRate"),
            ["an unknown parameter"] = ("""{ "minRuns": 10, "maxRuns": 5 }""", "maxRuns"),
        }),
    ];

    [Fact]
    public Task A_nonsense_state_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        from state in new[] { "open", "Active ", "active,resolved", "1", "", "active\0", new string('a', 2000) }
        select Rows.Get(Service.Ceo, $"state '{state}'", $"/api/alerts?workspace_id=ws_1&state={Uri.EscapeDataString(state)}", "state"));

    [Fact]
    public Task A_limit_that_is_not_a_whole_number_from_1_to_500_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        from limit in new[] { "0", "501", "-1", "abc", "1e3", "99999999999999999999", "2147483648", "+5", " 5", "5.0", "0x10", "1,2", "５" }
        select Rows.Get(Service.Ceo, $"limit '{limit}'", $"/api/alerts?workspace_id=ws_1&state=all&limit={Uri.EscapeDataString(limit)}", "limit"));

    [Fact]
    public Task A_limit_repeated_or_beside_a_bad_state_is_named_too() => Rows.ExpectAllAsync(
    [
        Rows.Get(Service.Ceo, "two limits", "/api/alerts?workspace_id=ws_1&limit=1&limit=2", "limit"),
        Rows.Get(Service.Ceo, "bad state and limit", "/api/alerts?workspace_id=ws_1&state=open&limit=0", "limit"),
        Rows.Get(Service.Ceo, "bad state and limit", "/api/alerts?workspace_id=ws_1&state=open&limit=0", "state"),
        Rows.Get(Service.Ceo, "the smallest", "/api/alerts?workspace_id=ws_1&limit=1", null, HttpStatusCode.OK),
        Rows.Get(Service.Ceo, "the largest", "/api/alerts?workspace_id=ws_1&limit=500", null, HttpStatusCode.OK),
    ]);
}
