using System.Net;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>The users part of docs/metrics.md against hand-computed values, through the real API and database.</summary>
[Collection(ServersCollection.Name)]
public sealed class UserMetricsTests(UsersServersFixture servers) : ServiceTests<UsersService>(servers)
{
    private const string AsOf = "2026-11-29T12:00:00Z";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // asOf 11-29T12:00. 7d: current [11-22T12, 11-29T12), previous [11-15T12, 11-22T12).
        // dau [11-28T12, 11-29T12) and before it [11-27T12, 11-28T12); mau [10-30T12, 11-29T12) and before it [09-30T12, 10-30T12).
        using var response = await Service.Ingest.PostAsync("/api/users/events", Batch(
            SignedUp("s1", "ws_hand", "u1", At("2026-11-01T00:00:00Z"), "Ada"),
            Active("a1", "ws_hand", "u1", At("2026-11-29T11:30:00Z")),
            Active("a1b", "ws_hand", "u1", At("2026-11-29T11:40:00Z")),   // same user, same hour: still one
            Active("a2", "ws_hand", "u1", At("2026-11-20T10:00:00Z")),
            SignedUp("s2", "ws_hand", "u2", At("2026-11-28T09:00:00Z"), "Bob"),
            Active("a3", "ws_hand", "u2", At("2026-11-28T13:00:00Z")),
            Active("a4", "ws_hand", "u3", At("2026-11-25T08:00:00Z")),    // never signed up: first seen by activity
            Active("a5", "ws_hand", "u4", At("2026-11-16T00:00:00Z")),    // previous week only: churned in 7d
            Active("a6", "ws_hand", "u5", At("2026-11-29T12:00:00Z")),    // at asOf: excluded, not yet known
            Active("a7", "ws_hand", "u6", At("2026-10-20T00:00:00Z")),    // the scope's earliest event
            Active("a8", "ws_hand", "u6", At("2026-11-10T00:00:00Z")),
            Active("o1", "ws_other", "u1", At("2026-11-29T10:00:00Z")),   // another workspace's u1 is another user
            Active("e1", "ws_edge", "u7", At("2026-11-28T11:50:00Z")),
            Active("e2", "ws_edge", "u8", At("2026-11-28T11:40:00Z")),
            Active("e3", "ws_edge", "u9", At("2026-11-29T11:44:59Z")),
            Active("e4", "ws_edge", "u9", At("2026-11-29T11:45:00Z"))));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Seven_days_match_hand_computed_values()
    {
        var o = await Service.OverviewAsync("ws_hand", "7d", AsOf);
        var m = o.UserMetrics;

        Assert.Equal((At("2026-11-22T12:00:00Z"), At(AsOf)), (o.Period.Start, o.Period.End));
        Assert.Equal(2, m.Dau);             // u1, u2
        Assert.Null(m.DauChange);           // nobody the day before
        Assert.Equal(3, m.Wau);             // u1, u2, u3
        Assert.Equal(50, m.WauChange);      // previous week u1, u4: (3 − 2) / 2
        Assert.Equal(5, m.Mau);             // u1, u2, u3, u4, u6
        Assert.Equal(400, m.MauChange);     // month before: u6 only
        Assert.Equal(2, m.NewUsers);        // u2 (signup 11-28), u3 (first active 11-25); u1 signed up 11-01
        Assert.Equal(1, m.ChurnedUsers);    // u4
        Assert.Equal(60, m.ActiveRate);     // 3 active / 5 known (u5 first seen at asOf)
        Assert.Equal(1, o.ActiveWorkspaces);

        Assert.Equal(28, o.UsersTrend.Count);
        var nonZero = o.UsersTrend.Select((p, i) => (i, p)).Where(x => x.p.Value != 0).Select(x => (x.i, x.p.Timestamp, x.p.Value));
        Assert.Equal([
            (11, At("2026-11-25T06:00:00Z"), 1.0),   // u3
            (24, At("2026-11-28T12:00:00Z"), 1.0),   // u2
            (27, At("2026-11-29T06:00:00Z"), 1.0),   // u1 twice
        ], nonZero);
    }

    [Fact]
    public async Task Twenty_four_hours_match_hand_computed_values()
    {
        var o = await Service.OverviewAsync("ws_hand", "24h", AsOf);
        var m = o.UserMetrics;

        Assert.Equal(2, m.Dau);
        Assert.Equal(0, m.NewUsers);        // u2 signed up at 09:00, before the period, then was active in it
        Assert.Equal(0, m.ChurnedUsers);    // nobody active the day before
        Assert.Equal(40, m.ActiveRate);     // 2 / 5
        Assert.Equal(24, o.UsersTrend.Count);
        Assert.Equal([(1, 1.0), (23, 1.0)],
            o.UsersTrend.Select((p, i) => (i, p.Value)).Where(x => x.Value != 0));
    }

    [Fact]
    public async Task Thirty_days_match_hand_computed_values()
    {
        var o = await Service.OverviewAsync("ws_hand", "30d", AsOf);
        var m = o.UserMetrics;

        Assert.Equal((2L, 3L, 5L), (m.Dau!.Value, m.Wau!.Value, m.Mau!.Value));  // independent of the timeframe
        Assert.Equal(4, m.NewUsers);        // u1 (11-01), u2, u3, u4; u6 first seen 10-20
        Assert.Equal(0, m.ChurnedUsers);    // u6 was active the month before, and again in this one
        Assert.Equal(100, m.ActiveRate);    // 5 / 5
        Assert.Equal(30, o.UsersTrend.Count);
        Assert.Equal(At("2026-10-30T12:00:00Z"), o.UsersTrend[0].Timestamp);
        Assert.Equal(6, o.UsersTrend.Sum(p => p.Value)); // u6, u4, u1, u3, then u2 and u1 in the last day [11-28T12, 11-29T12)
    }

    [Fact]
    public async Task All_starts_at_the_scopes_earliest_event_with_weekly_buckets_from_the_monday()
    {
        var o = await Service.OverviewAsync("ws_hand", "all", AsOf);
        var m = o.UserMetrics;

        Assert.Equal(At("2026-10-20T00:00:00Z"), o.Period.Start);
        Assert.Equal(5, m.NewUsers);
        Assert.Equal(0, m.ChurnedUsers);
        Assert.Equal(100, m.ActiveRate);
        Assert.Equal(2, m.Dau);
        // Weeks from Monday 10-19: u6 | – | – | u6 | u1, u4 | u1, u2, u3.
        Assert.Equal([1.0, 0, 0, 1, 2, 3], o.UsersTrend.Select(p => p.Value));
        Assert.Equal(At("2026-10-19T00:00:00Z"), o.UsersTrend[0].Timestamp);
    }

    [Fact]
    public async Task An_unaligned_asOf_counts_the_raw_edges_exactly()
    {
        // 24h ending 11-29T11:45: [11-28T11:45, 11-29T11:45). u7 (11:50) and u9 (11:44:59) are in; u8 (11:40)
        // is in the day before; u9's 11:45 event sits at asOf.
        var o = await Service.OverviewAsync("ws_edge", "24h", "2026-11-29T11:45:00Z");
        var m = o.UserMetrics;

        Assert.Equal(2, m.Dau);
        Assert.Equal(100, m.DauChange);     // (2 − 1) / 1
        Assert.Equal(1, m.ChurnedUsers);    // u8
        Assert.Equal(2, m.NewUsers);        // u7, u9
        Assert.Equal(66.67, m.ActiveRate);  // 2 / 3 known (u7, u8, u9)
        Assert.Equal(At("2026-11-28T11:45:00Z"), o.UsersTrend[0].Timestamp);
        Assert.Equal([(0, 1.0), (23, 1.0)], o.UsersTrend.Select((p, i) => (i, p.Value)).Where(x => x.Value != 0));
    }

    [Fact]
    public async Task The_platform_counts_users_per_workspace_and_active_workspaces()
    {
        var o = await Service.OverviewAsync("all", "7d", AsOf);

        // ws_hand u1, u2, u3; ws_other u1; ws_edge u7, u8, u9.
        Assert.Equal(7, o.UserMetrics.Wau);
        Assert.Equal(3, o.ActiveWorkspaces);
        Assert.Equal(4, o.UserMetrics.Dau); // ws_hand u1, u2; ws_other u1; ws_edge u9 (u7 was at 11:50 the day before)
    }

    [Fact]
    public async Task A_scope_without_events_answers_zeros_and_nulls()
    {
        var o = await Service.OverviewAsync("ws_empty", "all", AsOf);

        Assert.Equal((0L, 0L, 0L, 0L), (o.UserMetrics.Dau!.Value, o.UserMetrics.Mau!.Value, o.UserMetrics.NewUsers!.Value, o.ActiveWorkspaces));
        Assert.Null(o.UserMetrics.ActiveRate);
        Assert.Null(o.UserMetrics.MauChange);
        Assert.Empty(o.UsersTrend);
    }
}
