using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class IngestContractTests(UsersServersFixture servers)
    : IngestContractTests<UsersService, IngestContractTests>(servers), IBadEvents
{
    private static readonly DateTime T = At("2026-11-28T10:00:00Z");

    private static JsonObject ValidSignup(string id) => SignedUp(id, "ws_1", "u_1", T, "Ada Lovelace", "ada@example.com");

    protected override JsonObject ValidEvent(string eventId) => ValidSignup(eventId);

    protected override string ForeignEventType => "run.completed";

    static TheoryData<JsonObject, string> IBadEvents.BadEvents => new()
    {
        { With(ValidSignup("bad-1"), "name", null), "[1].name" },                     // required
        { With(ValidSignup("bad-1"), "name", new string('x', 257)), "[1].name" },
        { With(ValidSignup("bad-1"), "email", new string('x', 257)), "[1].email" },
        { With(ValidSignup("bad-1"), "email", 42), "[1].email" },
        { With(ValidSignup("bad-1"), "userId", "has space"), "[1].userId" },
        { With(ValidSignup("bad-1"), "workspaceId", "all"), "[1].workspaceId" },      // reserved for the platform
        { With(ValidSignup("bad-1"), "occurredAt", "2026-11-28 09:00:00"), "[1].occurredAt" }, // no offset
        { With(ValidSignup("bad-1"), "type", "user.deleted"), "[1].type" },
    };

    /// <summary>Activity of ten users (u_0 … u_9) over half an hour, and u_1's signup.</summary>
    protected override JsonObject[] DistinctEvents() =>
        Enumerable.Range(0, 30).Select(i => Active($"twice-{i}", "ws_1", $"u_{i % 10}", T.AddMinutes(-i))).Append(ValidSignup("twice-s")).ToArray();

    protected override async Task AssertCountedOnceAsync(UsersService service)
    {
        var o = await service.OverviewAsync("ws_1", "24h", "2026-11-28T12:00:00Z");
        Assert.Equal(10, o.UserMetrics.Dau);        // u_0..u_9; u_1 also signed up
        Assert.Equal(10, o.UserMetrics.NewUsers);
        Assert.Equal(30, await service.ScalarAsync("SELECT count(*) FROM activity_events"));
    }
}
