using System.Net;
using System.Net.Http.Json;
using ExecutiveDashboard.Contracts.Signals;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary><c>POST /api/users/signals</c>: the daily active users of many scopes at asOf and, with days, at each of the
/// days before, against hand-computed values and the overview's own <c>dau</c>.</summary>
[Collection(ServersCollection.Name)]
public sealed class SignalsTests(UsersServersFixture servers) : ServiceTests<UsersService>(servers)
{
    private const string AsOf = "2026-11-29T12:00:00Z";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // With days = 3 the DAU windows are [11-25T12, 11-26T12), [11-26T12, 11-27T12), [11-27T12, 11-28T12) and
        // [11-28T12, 11-29T12): each the day before its instant, the start in, the end out.
        using var response = await Service.Ingest.PostAsync("/api/users/events", Batch(
            Active("s1", "ws_sig", "u1", At("2026-11-29T11:59:59.999Z")),  // the last millisecond of asOf's day
            Active("s2", "ws_sig", "u1", At("2026-11-26T12:00:00Z")),      // at 11-26T12: the day after it, not the day before
            Active("s3", "ws_sig", "u2", At("2026-11-28T12:00:00Z")),      // the first millisecond of asOf's day
            Active("s4", "ws_sig", "u2", At("2026-11-28T11:59:59Z")),
            Active("s5", "ws_sig", "u3", At("2026-11-25T12:30:00Z")),
            Active("s6", "ws_sig", "u3", At("2026-11-25T13:00:00Z")),      // same user, same day: one
            Active("s7", "ws_sig", "u4", At(AsOf)),                        // at asOf: not yet
            Active("s8", "ws_sig", "u5", At("2026-11-27T03:00:00Z")),
            Active("o1", "ws_other", "u1", At("2026-11-28T20:00:00Z"))));  // another workspace's u1 is another user
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Daily_active_users_at_asOf_and_the_days_before()
    {
        using var daily = await Service.Ceo.PostAsJsonAsync("/api/users/signals",
            new { scopes = new[] { "ws_sig", "all", "none" }, asOf = AsOf, days = 3 });
        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
        var signals = (await daily.Content.ReadFromJsonAsync<Dictionary<string, UserSignals>>())!;
        Assert.Equal(["all", "none", "ws_sig"], signals.Keys.Order(StringComparer.Ordinal));
        DateTime[] instants = [At("2026-11-26T12:00:00Z"), At("2026-11-27T12:00:00Z"), At("2026-11-28T12:00:00Z"), At(AsOf)];
        Assert.Equal(Days(instants, 1, 2, 1, 2), signals["ws_sig"].Daily!);  // u3 | u1, u5 | u2 | u1, u2
        Assert.Equal(Days(instants, 1, 2, 1, 3), signals["all"].Daily!);     // and ws_other's u1 on the last day
        Assert.Equal(Days(instants, 0, 0, 0, 0), signals["none"].Daily!);
        Assert.Equal((At(AsOf), 2L, 3L), (signals["ws_sig"].AsOf, signals["ws_sig"].Dau, signals["all"].Dau));

        // The overview's dau of the same instant, for the same scopes.
        Assert.Equal(2, (await Service.OverviewAsync("ws_sig", "24h", AsOf)).UserMetrics.Dau);
        Assert.Equal(3, (await Service.OverviewAsync("all", "7d", AsOf)).UserMetrics.Dau);
        Assert.Equal(1, (await Service.OverviewAsync("ws_sig", "24h", "2026-11-28T12:00:00Z")).UserMetrics.Dau);

        using var plain = await Service.Ceo.PostAsJsonAsync("/api/users/signals", new { scopes = new[] { "ws_sig" }, asOf = AsOf });
        var withoutDays = (await plain.Content.ReadFromJsonAsync<Dictionary<string, UserSignals>>())!;
        Assert.Equal(new UserSignals(At(AsOf), 2), withoutDays["ws_sig"]);
    }

    [Fact]
    public async Task Service_tokens_read_the_signals_and_other_roles_or_workspaces_do_not()
    {
        var query = new { scopes = new[] { "ws_sig" }, asOf = AsOf, days = 1 };
        using var asService = await Service.ClientFor("service", "*").PostAsJsonAsync("/api/users/signals", query);
        Assert.Equal(HttpStatusCode.OK, asService.StatusCode);
        using var member = await Service.ClientFor("member", "*").PostAsJsonAsync("/api/users/signals", query);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        using var otherWorkspace = await Service.ClientFor("admin", "ws_other").PostAsJsonAsync("/api/users/signals", query);
        Assert.Equal(HttpStatusCode.Forbidden, otherWorkspace.StatusCode);
        using var allWithout = await Service.ClientFor("admin", "ws_sig").PostAsJsonAsync("/api/users/signals", new { scopes = new[] { "all" } });
        Assert.Equal(HttpStatusCode.Forbidden, allWithout.StatusCode);
        using var anonymous = await Service.CreateClient().PostAsJsonAsync("/api/users/signals", query);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static ActiveUsersDay[] Days(DateTime[] instants, params long[] dau) => [.. instants.Select((t, i) => new ActiveUsersDay(t, dau[i]))];
}
