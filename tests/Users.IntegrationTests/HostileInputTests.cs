using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class HostileInputTests(UsersServersFixture servers) : ServiceHostileInputTable<UsersService>(servers)
{
    protected override IReadOnlyList<BodyEndpoint> BodyEndpoints =>
    [
        new(HttpMethod.Post, "/api/users/signals", HostileInputs.ValidSignalsQuery, HostileInputs.InvalidSignalsQueries),
        new(HttpMethod.Post, "/api/users/names", """[{ "workspaceId": "ws_1", "userId": "u_1" }]""", new Dictionary<string, (string, string)>
        {
            ["101 users"] = ($"[{string.Join(',', Enumerable.Range(0, 101).Select(i => $$"""{ "workspaceId": "ws_1", "userId": "u_{{i}}" }"""))}]", "$"),
            ["the platform's storage key"] = ("""[{ "workspaceId": "*", "userId": "u_1" }]""", "[0].workspaceId"),
            ["a NUL in a user id"] = ("""[{ "workspaceId": "ws_1", "userId": "u\u0000" }]""", "[0].userId"),
            ["no user id"] = ("""[{ "workspaceId": "ws_1" }]""", "[0].userId"),
            ["a null entry"] = ("[null]", "[0]"),
        }),
        new(HttpMethod.Put, "/api/users/me/layout", """{ "cards": [{ "id": "dau", "visible": true }] }""", new Dictionary<string, (string, string)>
        {
            ["a NUL in a card id"] = ("""{ "cards": [{ "id": "dau\u0000", "visible": true }] }""", "cards[0].id"),
            ["visible as text"] = ("""{ "cards": [{ "id": "dau", "visible": "yes" }] }""", "cards[0].visible"),
            ["51 cards"] = ($$"""{ "cards": [{{string.Join(',', Enumerable.Range(0, 51).Select(i => $$"""{ "id": "c{{i}}", "visible": true }"""))}}] }""", "cards"),
        }),
        new(HttpMethod.Put, "/api/users/me/preferences", """{ "timeZone": "Asia/Kolkata", "weekStart": "monday" }""", new Dictionary<string, (string, string)>
        {
            ["a NUL in the zone"] = ("""{ "timeZone": "Asia/Kolkata\u0000", "weekStart": "monday" }""", "timeZone"),
            ["a path as the zone"] = ("""{ "timeZone": "../../../etc/localtime", "weekStart": "monday" }""", "timeZone"),
            ["the OS's zone file name"] = ("""{ "timeZone": "posixrules", "weekStart": "monday" }""", "timeZone"),
            ["an offset, not a zone"] = ("""{ "timeZone": "+05:30", "weekStart": "monday" }""", "timeZone"),
            ["a week start as a number"] = ("""{ "timeZone": "UTC", "weekStart": 7 }""", "weekStart"),
        }),
    ];
}
