using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.Users.Model;
using static ExecutiveDashboard.Users.UnitTests.Utc;

namespace ExecutiveDashboard.Users.UnitTests;

public sealed class UserRollupsTests
{
    [Fact]
    public void A_user_who_signs_up_and_is_active_is_one_user_first_seen_at_the_earlier_event()
    {
        var rollups = UserRollups.From([
            new UserActiveEvent("a1", "ws_1", "u1", At("2026-11-02T09:05:00")),
            new UserSignedUpEvent("s1", "ws_1", "u1", At("2026-11-02T09:00:00"), "Ada", "ada@example.com"),
        ]);

        var user = Assert.Single(rollups.Users);
        Assert.Equal(("ws_1", "u1"), user.Key);
        Assert.Equal(new UserSighting(At("2026-11-02T09:00:00"), "Ada", At("2026-11-02T09:00:00")), user.Value);
    }

    [Fact]
    public void The_latest_name_by_event_time_wins_whatever_the_arrival_order()
    {
        var rollups = UserRollups.From([
            new UserSignedUpEvent("s2", "ws_1", "u1", At("2026-11-05T00:00:00"), "Ada King", null),
            new UserSignedUpEvent("s1", "ws_1", "u1", At("2026-11-01T00:00:00"), "Ada Lovelace", null),
            new UserActiveEvent("a1", "ws_1", "u1", At("2026-11-09T00:00:00")),
        ]);

        var user = rollups.Users[("ws_1", "u1")];
        Assert.Equal("Ada King", user.Name);
        Assert.Equal(At("2026-11-01T00:00:00"), user.FirstSeenAt);
    }

    [Fact]
    public void Users_are_per_workspace_and_each_scope_keeps_its_earliest_event()
    {
        var rollups = UserRollups.From([
            new UserActiveEvent("a1", "ws_1", "u1", At("2026-11-03T00:00:00")),
            new UserActiveEvent("a2", "ws_2", "u1", At("2026-11-01T00:00:00")),
            new UserSignedUpEvent("s1", "ws_1", "u2", At("2026-11-02T00:00:00"), "Bob", null),
        ]);

        Assert.Equal(3, rollups.Users.Count);
        Assert.Equal(At("2026-11-02T00:00:00"), rollups.EarliestEvent["ws_1"]);
        Assert.Equal(At("2026-11-01T00:00:00"), rollups.EarliestEvent["ws_2"]);
        Assert.Equal(At("2026-11-01T00:00:00"), rollups.EarliestEvent[Scopes.PlatformKey]);
    }
}
