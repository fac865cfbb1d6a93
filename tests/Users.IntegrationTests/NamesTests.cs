using System.Net;
using System.Net.Http.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary><c>POST /api/users/names</c>: the latest signup name by event time, never another workspace's.</summary>
[Collection(ServersCollection.Name)]
public sealed class NamesTests(UsersServersFixture servers) : ServiceTests<UsersService>(servers)
{

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var response = await Service.Ingest.PostAsync("/api/users/events", Batch(
            SignedUp("s1", "ws_1", "u1", At("2026-11-05T00:00:00Z"), "Ada King"),
            SignedUp("s0", "ws_1", "u1", At("2026-11-01T00:00:00Z"), "Ada Lovelace"),   // older: does not win though sent later
            Active("a1", "ws_1", "u2", At("2026-11-05T00:00:00Z")),
            SignedUp("s2", "ws_2", "u1", At("2026-11-05T00:00:00Z"), "=HYPERLINK(\"x\")")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Names_come_back_in_the_order_asked_with_null_for_unnamed_or_unknown_users()
    {
        using var response = await Service.Ceo.PostAsJsonAsync("/api/users/names", new UserRef[]
        {
            new("ws_2", "u1"), new("ws_1", "u2"), new("ws_1", "u1"), new("ws_1", "nobody"),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [new UserName("ws_2", "u1", "=HYPERLINK(\"x\")"), new("ws_1", "u2", null), new("ws_1", "u1", "Ada King"), new("ws_1", "nobody", null)],
            (await response.Content.ReadFromJsonAsync<UserName[]>())!);
    }

    [Fact]
    public async Task A_workspace_outside_the_token_is_refused_whole()
    {
        using var response = await Service.ClientFor("ceo", "ws_1").PostAsJsonAsync("/api/users/names",
            new UserRef[] { new("ws_1", "u1"), new("ws_2", "u1") });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("HYPERLINK", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("member")]
    [InlineData("ingest")]
    public async Task Names_need_the_dashboard_role(string role)
    {
        using var response = await Service.ClientFor(role, "*").PostAsJsonAsync("/api/users/names", new UserRef[] { new("ws_1", "u1") });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task More_than_100_users_or_a_bad_id_is_a_400_problem()
    {
        var many = Enumerable.Range(0, 101).Select(i => new UserRef("ws_1", $"u{i}")).ToArray();
        using var tooMany = await Service.Ceo.PostAsJsonAsync("/api/users/names", many);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        using var badId = await Service.Ceo.PostAsJsonAsync("/api/users/names", new UserRef[] { new("ws_1", "has space") });
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Contains("[0].userId", await badId.Content.ReadAsStringAsync());
    }
}
