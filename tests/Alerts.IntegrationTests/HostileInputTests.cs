using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>The table on the alerts list and the alerts overview (which take workspace_id, timeframe and asOf like the
/// overview), the rule edits and the goals.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostileInputTests(AlertsServersFixture servers) : ServiceHostileInputTable<AlertsService>(servers)
{
    protected override IReadOnlyList<string> Reads => ["/api/alerts", "/api/alerts/overview"];

    private string Day(int daysAhead) => DateOnly.FromDateTime(Now).AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Goal bodies each with one value out of its rules, and the field the problem must name.</summary>
    private Dictionary<string, (string, string)> InvalidGoals => new()
    {
        ["an unknown metric"] = ($$"""{ "workspaceId": "ws_1", "metric": "wau", "target": 10, "targetDate": "{{Day(30)}}" }""", "metric"),
        ["a metric in another case"] = ($$"""{ "workspaceId": "ws_1", "metric": "MRR", "target": 10, "targetDate": "{{Day(30)}}" }""", "metric"),
        ["a metric as a number"] = ($$"""{ "workspaceId": "ws_1", "metric": 1, "target": 10, "targetDate": "{{Day(30)}}" }""", "metric"),
        ["no metric"] = ($$"""{ "workspaceId": "ws_1", "target": 10, "targetDate": "{{Day(30)}}" }""", "metric"),
        ["a target as text"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": "10", "targetDate": "{{Day(30)}}" }""", "target"),
        ["a null target"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": null, "targetDate": "{{Day(30)}}" }""", "target"),
        ["a zero target"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": 0, "targetDate": "{{Day(30)}}" }""", "target"),
        ["a negative target"] = ($$"""{ "workspaceId": "ws_1", "metric": "runs", "target": -5, "targetDate": "{{Day(30)}}" }""", "target"),
        ["a target beyond decimal"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": 1e300, "targetDate": "{{Day(30)}}" }""", "target"),
        ["an MRR above a trillion"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": 1000000000000.01, "targetDate": "{{Day(30)}}" }""", "target"),
        ["cents of a cent"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": 12.345, "targetDate": "{{Day(30)}}" }""", "target"),
        ["half a run"] = ($$"""{ "workspaceId": "ws_1", "metric": "runs", "target": 10.5, "targetDate": "{{Day(30)}}" }""", "target"),
        ["half a user"] = ($$"""{ "workspaceId": "ws_1", "metric": "dau", "target": 99.5, "targetDate": "{{Day(30)}}" }""", "target"),
        ["a DAU above a billion"] = ($$"""{ "workspaceId": "ws_1", "metric": "dau", "target": 1000000001, "targetDate": "{{Day(30)}}" }""", "target"),
        ["half a workspace"] = ($$"""{ "workspaceId": "ws_1", "metric": "paidWorkspaces", "target": 0.5, "targetDate": "{{Day(30)}}" }""", "target"),
        ["a success rate above 100"] = ($$"""{ "workspaceId": "ws_1", "metric": "successRate", "target": 100.01, "targetDate": "{{Day(30)}}" }""", "target"),
        ["today"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": 10, "targetDate": "{{Day(0)}}" }""", "targetDate"),
        ["yesterday"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": 10, "targetDate": "{{Day(-1)}}" }""", "targetDate"),
        ["six years ahead"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": 10, "targetDate": "{{Day(6 * 366)}}" }""", "targetDate"),
        ["a day that does not exist"] = ("""{ "workspaceId": "ws_1", "metric": "mrr", "target": 10, "targetDate": "2027-02-30" }""", "targetDate"),
        ["a time instead of a day"] = ("""{ "workspaceId": "ws_1", "metric": "mrr", "target": 10, "targetDate": "2027-03-31T00:00:00Z" }""", "targetDate"),
        ["a date as a number"] = ("""{ "workspaceId": "ws_1", "metric": "mrr", "target": 10, "targetDate": 20270331 }""", "targetDate"),
        ["year 9999"] = ("""{ "workspaceId": "ws_1", "metric": "mrr", "target": 10, "targetDate": "9999-12-31" }""", "targetDate"),
        ["the storage key as scope"] = ($$"""{ "workspaceId": "*", "metric": "mrr", "target": 10, "targetDate": "{{Day(30)}}" }""", "workspaceId"),
        ["a path as scope"] = ($$"""{ "workspaceId": "../..", "metric": "mrr", "target": 10, "targetDate": "{{Day(30)}}" }""", "workspaceId"),
        ["a scope of 2,000 characters"] = ($$"""{ "workspaceId": "{{new string('a', 2000)}}", "metric": "mrr", "target": 10, "targetDate": "{{Day(30)}}" }""", "workspaceId"),
        ["no scope"] = ($$"""{ "metric": "mrr", "target": 10, "targetDate": "{{Day(30)}}" }""", "workspaceId"),
        ["an unknown field"] = ($$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": 10, "targetDate": "{{Day(30)}}", "scope": "ws_2" }""", "scope"),
    };

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
        new(HttpMethod.Post, "/api/annotations", Annotation(IngestJson.Iso(Now), "ws_1", "deploy", "Release 1.2"), new Dictionary<string, (string, string)>
        {
            ["at year 1"] = (Annotation("0001-01-01T00:00:00Z", "ws_1", "note", "x"), "at"),
            ["at year 9999"] = (Annotation("9999-12-31T23:59:59Z", "ws_1", "note", "x"), "at"),
            ["at two days ahead"] = (Annotation(IngestJson.Iso(Now.AddDays(2)), "ws_1", "note", "x"), "at"),
            ["at as a number"] = ("""{ "at": 1735689600, "scope": "ws_1", "kind": "note", "text": "x" }""", "at"),
            ["the platform's storage key"] = (Annotation(IngestJson.Iso(Now), "*", "note", "x"), "scope"),
            ["a CRLF in the scope"] = (Annotation(IngestJson.Iso(Now), "ws_1\\r\\nX: y", "note", "x"), "scope"),
            ["2,000 characters of scope"] = (Annotation(IngestJson.Iso(Now), new string('a', 2000), "note", "x"), "scope"),
            ["an unknown kind"] = (Annotation(IngestJson.Iso(Now), "ws_1", "release", "x"), "kind"),
            ["a null kind"] = ("""{ "at": "2026-11-29T12:00:00Z", "scope": "ws_1", "kind": null, "text": "x" }""", "kind"),
            ["empty text"] = (Annotation(IngestJson.Iso(Now), "ws_1", "note", ""), "text"),
            ["501 characters"] = (Annotation(IngestJson.Iso(Now), "ws_1", "note", new string('x', 501)), "text"),
            ["a control character"] = (Annotation(IngestJson.Iso(Now), "ws_1", "note", "a\\u001bb"), "text"),
            ["an escaped NUL"] = (Annotation(IngestJson.Iso(Now), "ws_1", "note", "a\\u0000b"), "text"),
            ["a lone surrogate"] = (Annotation(IngestJson.Iso(Now), "ws_1", "note", "\\udc00"), "text"),
        }, HttpStatusCode.Created),
        new(HttpMethod.Post, "/api/goals", $$"""{ "workspaceId": "ws_1", "metric": "successRate", "target": 99.5, "targetDate": "{{Day(1)}}" }""",
            InvalidGoals, HttpStatusCode.Created),
    ];

    private static string Annotation(string at, string scope, string kind, string text) =>
        $$"""{ "at": "{{at}}", "scope": "{{scope}}", "kind": "{{kind}}", "text": "{{text}}" }""";

    [Fact]
    public Task A_hostile_annotations_query_is_a_400_problem_naming_the_parameter() => Rows.ExpectAllAsync(
        (from w in HostileInputs.WorkspaceIds
         select Rows.Get(Service.Ceo, $"workspace_id {w.Key}", $"/api/annotations?workspace_id={Uri.EscapeDataString(w.Value)}", "workspace_id"))
        .Concat(
            from name in new[] { "from", "to" }
            from time in HostileInputs.Times(Now)
            select Rows.Get(Service.Ceo, $"{name} {time.Key}", $"/api/annotations?workspace_id=ws_1&{name}={Uri.EscapeDataString(time.Value)}", name))
        .Append(Rows.Get(Service.Ceo, "no workspace_id", "/api/annotations", "workspace_id"))
        .Append(Rows.Get(Service.Ceo, "to before from", "/api/annotations?workspace_id=ws_1&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "to"))
        .Append(Rows.Get(Service.Ceo, "to at from", "/api/annotations?workspace_id=ws_1&from=2026-11-02T00:00:00Z&to=2026-11-02T00:00:00Z", "to"))
        .Append(Rows.Get(Service.Ceo, "from twice", "/api/annotations?workspace_id=ws_1&from=2026-11-02T00:00:00Z&from=2026-11-01T00:00:00Z", "from"))
        .Append(Rows.Get(Service.Ceo, "the bounds", $"/api/annotations?workspace_id=all&from=2000-01-01T00:00:00Z&to={Uri.EscapeDataString(IngestJson.Iso(Now.AddHours(23)))}",
            null, HttpStatusCode.OK)));

    [Fact]
    public async Task A_refused_goal_stores_nothing_and_an_edit_is_held_to_the_same_rules()
    {
        using var created = await Service.Ceo.PostAsync("/api/goals", JsonContent.Create(JsonNode.Parse(
            $$"""{ "workspaceId": "ws_1", "metric": "mrr", "target": 10, "targetDate": "{{Day(5 * 365)}}" }""")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var stored = await Service.ScalarAsync("SELECT count(*) FROM goals WHERE target = 10");

        await Rows.ExpectAllAsync(
            from invalid in InvalidGoals.Where(i => i.Value.Item2 != "workspaceId")
            let body = invalid.Value.Item1.Replace("\"workspaceId\": \"ws_1\", ", "", StringComparison.Ordinal)
            select (Func<Task<string?>>)(async () =>
            {
                using var response = await Service.Ceo.PutAsync($"/api/goals/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                return await Rows.ProblemFailureAsync(response, HttpStatusCode.BadRequest, invalid.Value.Item2) is { } failure ? $"PUT {invalid.Key}: {failure}" : null;
            }));
        await Rows.ExpectAllAsync(
            from invalid in InvalidGoals
            select (Func<Task<string?>>)(async () =>
            {
                using var response = await Service.Ceo.PostAsync("/api/goals", new StringContent(invalid.Value.Item1, System.Text.Encoding.UTF8, "application/json"));
                return await Rows.ProblemFailureAsync(response, HttpStatusCode.BadRequest, invalid.Value.Item2) is { } failure ? $"POST {invalid.Key}: {failure}" : null;
            }));

        // A workspaceId in an edit is refused too: a goal keeps its scope.
        using (var moved = await Service.Ceo.PutAsync($"/api/goals/{id}", JsonContent.Create(JsonNode.Parse(
            $$"""{ "workspaceId": "ws_2", "metric": "mrr", "target": 10, "targetDate": "{{Day(30)}}" }"""))))
        {
            Assert.Null(await Rows.ProblemFailureAsync(moved, HttpStatusCode.BadRequest, "workspaceId"));
        }
        Assert.Equal(1, await Service.ScalarAsync("SELECT count(*) FROM goals"));
        Assert.Equal(stored, await Service.ScalarAsync($"SELECT count(*) FROM goals WHERE target = 10 AND target_date = '{Day(5 * 365)}'"));
    }

    [Fact]
    public Task A_hostile_goals_query_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        (from w in HostileInputs.WorkspaceIds
         select Rows.Get(Service.Ceo, $"goals workspace_id {w.Key}", $"/api/goals?workspace_id={Uri.EscapeDataString(w.Value)}", "workspace_id"))
        .Concat(from w in HostileInputs.EncodedWorkspaceIds
                select Rows.Get(Service.Ceo, $"goals workspace_id {w.Key}", $"/api/goals?workspace_id={w.Value}", "workspace_id"))
        .Append(Rows.Get(Service.Ceo, "goals without workspace_id", "/api/goals", "workspace_id"))
        .Append(Rows.Get(Service.Ceo, "goals workspace_id twice", "/api/goals?workspace_id=ws_1&workspace_id=ws_2", "workspace_id"))
        .Append(Rows.Get(Service.Ceo, "goals of the platform", "/api/goals?workspace_id=all", null, HttpStatusCode.OK)));

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
