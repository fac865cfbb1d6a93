using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.Users.Metrics;
using static ExecutiveDashboard.Users.UnitTests.Utc;

namespace ExecutiveDashboard.Users.UnitTests;

public sealed class ActivitySpansTests
{
    [Fact]
    public void Each_active_hour_keeps_its_first_and_last_millisecond()
    {
        var rollups = UserRollups.From([
            new UserActiveEvent("a1", "ws_1", "u1", At("2026-11-02T09:40:00")),
            new UserActiveEvent("a2", "ws_1", "u1", At("2026-11-02T09:05:00.250")),
            new UserActiveEvent("a3", "ws_1", "u1", At("2026-11-02T10:00:00")),
            new UserSignedUpEvent("s1", "ws_1", "u1", At("2026-11-02T11:00:00"), "Ada", null),
        ]);

        var (block, hour, _) = ActivitySpans.Locate(At("2026-11-02T09:00:00"));
        var hours = rollups.Spans[("ws_1", "u1", block)];
        Assert.Equal(2, hours.Count);
        Assert.Equal((5 * 60_000 + 250, 40 * 60_000), hours[hour]);
        Assert.Equal((0, 0), hours[hour + 1]);
        Assert.Equal((ActivitySpans.Ms(At("2026-11-02T09:05:00.250")), ActivitySpans.Ms(At("2026-11-02T09:40:00"))),
            ActivitySpans.Decode(block, ActivitySpans.Encode(hour, 5 * 60_000 + 250, 40 * 60_000)));
    }

    [Fact]
    public void A_cut_inside_an_hour_is_decided_by_the_first_and_last_event()
    {
        // One user active at 09:10 and 09:50; windows cut at 09:30: both sides see the user, a window from
        // 09:55 does not; another user only at 09:20 is churned from [08:30, 09:30) to [09:30, 10:30).
        long Ms(string t) => ActivitySpans.Ms(At(t));
        var windows = new List<(long, long)>
        {
            (Ms("2026-11-02T09:30:00"), Ms("2026-11-02T10:30:00")),
            (Ms("2026-11-02T08:30:00"), Ms("2026-11-02T09:30:00")),
            (Ms("2026-11-02T09:55:00"), Ms("2026-11-02T10:55:00")),
        };
        var counter = new ActiveUsersCounter(windows, current: 0, previous: 1);
        var (block, hour, _) = ActivitySpans.Locate(At("2026-11-02T09:00:00"));
        counter.Add(1, "ws_1", block, ActivitySpans.Pack([ActivitySpans.Encode(hour, 10 * 60_000, 50 * 60_000)]));
        counter.Add(2, "ws_2", block, ActivitySpans.Pack([ActivitySpans.Encode(hour, 20 * 60_000, 20 * 60_000)]));

        var (perWindow, churned, workspaces) = counter.Result();
        Assert.Equal([1L, 2L, 0L], perWindow);
        Assert.Equal(1, churned);
        Assert.Equal(1, workspaces);
    }
}
