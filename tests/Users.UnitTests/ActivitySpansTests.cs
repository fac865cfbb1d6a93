using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Users.Ingest;
using ExecutiveDashboard.Users.Reads;
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
        Assert.Equal((hour, 5 * 60_000 + 250, 40 * 60_000), ActivitySpans.Split(ActivitySpans.Encode(hour, 5 * 60_000 + 250, 40 * 60_000)));
    }

    [Fact]
    public void Late_spans_merge_into_a_stored_row_hour_by_hour()
    {
        // Stored: hours 3 (10:00–20:00 in ms of the hour), 5 and 9. Added: hours 1, 3 (earlier first, earlier last), 5
        // (later last), 7. Each hour keeps the earlier first and the later last; the others are inserted in order.
        var stored = ActivitySpans.Pack([ActivitySpans.Encode(3, 10, 20), ActivitySpans.Encode(5, 0, 100), ActivitySpans.Encode(9, 7, 7)]);
        long[] added = [ActivitySpans.Encode(1, 4, 5), ActivitySpans.Encode(3, 2, 15), ActivitySpans.Encode(5, 50, 3_599_999), ActivitySpans.Encode(7, 0, 0)];

        var merged = ActivitySpans.Merge(stored, added);

        Assert.Equal(ActivitySpans.Pack([
            ActivitySpans.Encode(1, 4, 5), ActivitySpans.Encode(3, 2, 20), ActivitySpans.Encode(5, 0, 3_599_999),
            ActivitySpans.Encode(7, 0, 0), ActivitySpans.Encode(9, 7, 7)]), merged);
        Assert.Equal(merged, ActivitySpans.Merge(merged, added));   // a redelivery changes nothing
        Assert.Equal(stored, ActivitySpans.Merge(stored, []));
        Assert.Equal(ActivitySpans.Pack(added), ActivitySpans.Merge([], added));
    }

    private static long Ms(string t) => ActivitySpans.Ms(At(t));

    /// <summary>One user's spans as a stored row: (time of the first event, time of the last) per active hour.</summary>
    private static (int Block, byte[] Spans) Row(params (string First, string Last)[] hours)
    {
        var block = ActivitySpans.Locate(At(hours[0].First)).Block;
        return (block, ActivitySpans.Pack(hours.Select(h =>
        {
            var (_, hour, first) = ActivitySpans.Locate(At(h.First));
            return ActivitySpans.Encode(hour, first, ActivitySpans.Locate(At(h.Last)).MsInHour);
        }).ToArray()));
    }

    private static void Apply(ActiveUsersIndex index, long userKey, string workspace, params (string First, string Last)[] hours)
    {
        var (block, spans) = Row(hours);
        index.Apply(userKey, workspace, block, spans);
    }

    [Fact]
    public void A_cut_inside_an_hour_is_decided_by_the_first_and_last_event()
    {
        // One user active at 09:10 and 09:50; windows cut at 09:30: both sides see the user, a window from
        // 09:55 does not; another user only at 09:20 is churned from [08:30, 09:30) to [09:30, 10:30).
        var windows = new List<(long, long)>
        {
            (Ms("2026-11-02T09:30:00"), Ms("2026-11-02T10:30:00")),
            (Ms("2026-11-02T08:30:00"), Ms("2026-11-02T09:30:00")),
            (Ms("2026-11-02T09:55:00"), Ms("2026-11-02T10:55:00")),
        };
        var index = new ActiveUsersIndex();
        Apply(index, 1, "ws_1", ("2026-11-02T09:10:00", "2026-11-02T09:50:00"));
        Apply(index, 2, "ws_2", ("2026-11-02T09:20:00", "2026-11-02T09:20:00"));

        Assert.Equal(("1 2 0", 1L, 1L), Result(index.Count(windows, current: 0, previous: 1, workspace: null)));
        Assert.Equal(("1 1 0", 0L, 1L), Result(index.Count(windows, current: 0, previous: 1, workspace: "ws_1")));
        Assert.Equal(("0 1 0", 1L, 0L), Result(index.Count(windows, current: 0, previous: 1, workspace: "ws_2")));
        Assert.Equal(("0 0 0", 0L, 0L), Result(index.Count(windows, current: 0, previous: 1, workspace: "ws_9")));
    }

    [Fact]
    public void Whole_days_hours_and_edges_each_count_a_user_once()
    {
        // u1: every hour of 2 Nov (a whole day) and 3 Nov 00:40; u2: 2 Nov 13:00–13:05 only; u3 in another workspace: 4 Nov 23:59.
        var index = new ActiveUsersIndex();
        Apply(index, 1, "ws_1", [.. Enumerable.Range(0, 24).Select(h => ($"2026-11-02T{h:00}:00:00", $"2026-11-02T{h:00}:59:59.999")),
            ("2026-11-03T00:40:00", "2026-11-03T00:40:00")]);
        Apply(index, 2, "ws_1", ("2026-11-02T13:00:00", "2026-11-02T13:05:00"));
        Apply(index, 3, "ws_2", ("2026-11-04T23:59:00", "2026-11-04T23:59:00"));
        var windows = new List<(long, long)>
        {
            (Ms("2026-11-01T00:00:00"), Ms("2026-11-05T00:00:00")),         // whole days
            (Ms("2026-11-02T13:04:59.999"), Ms("2026-11-03T00:40:00")),     // both bounds cut an hour; u1's 00:40 is out
            (Ms("2026-11-02T13:05:00.001"), Ms("2026-11-03T00:40:00.001")), // u2's last event is out, u1's 00:40 in
            (Ms("2026-11-03T00:40:00.001"), Ms("2026-11-04T23:59:00")),     // nobody
            (Ms("2026-11-03T00:00:00"), Ms("2026-11-03T00:40:00")),         // within an hour, from its start: nobody
            (Ms("2026-11-04T23:00:00"), Ms("2026-11-04T23:59:00.001")),     // within an hour: u3
            (Ms("2026-11-05T00:00:00"), Ms("2026-11-05T00:00:00")),         // empty
        };
        Assert.Equal(("3 2 1 0 0 1 0", 0L, 2L), Result(index.Count(windows, current: 0, previous: 6, workspace: null)));
        Assert.Equal(("2 2 1 0 0 0 0", 2L, 0L), Result(index.Count(windows, current: 3, previous: 1, workspace: "ws_1")));
    }

    [Fact]
    public void A_row_read_again_changes_nothing_and_a_grown_row_moves_first_and_last()
    {
        var index = new ActiveUsersIndex();
        var windows = new List<(long, long)>
        {
            (Ms("2026-11-02T09:00:00"), Ms("2026-11-02T09:30:00")),
            (Ms("2026-11-02T09:30:00"), Ms("2026-11-02T10:00:00")),
            (Ms("2026-11-02T10:00:00"), Ms("2026-11-02T11:00:00")),
        };
        Apply(index, 7, "ws_1", ("2026-11-02T09:20:00", "2026-11-02T09:25:00"));
        Apply(index, 7, "ws_1", ("2026-11-02T09:20:00", "2026-11-02T09:25:00"));
        Assert.Equal(("1 0 0", 0L, 1L), Result(index.Count(windows, 0, 1, null)));

        // The merge at ingest widened the hour and added the next one: same user, counted once per window.
        Apply(index, 7, "ws_1", ("2026-11-02T09:20:00", "2026-11-02T09:45:00"), ("2026-11-02T10:10:00", "2026-11-02T10:10:00"));
        Assert.Equal(("1 1 1", 0L, 1L), Result(index.Count(windows, 0, 1, null)));
        Assert.Equal(1, index.Users);
    }

    [Fact]
    public void Known_and_new_users_follow_each_first_sighting_including_users_never_active()
    {
        var index = new ActiveUsersIndex();
        index.See(1, "ws_1", At("2026-11-01T00:00:00"));
        index.See(2, "ws_1", At("2026-11-02T10:00:00"));
        index.See(3, "ws_2", At("2026-11-02T23:59:59.999"));
        Apply(index, 4, "ws_2", ("2026-11-02T12:00:00", "2026-11-02T12:00:00")); // spans polled before its user row
        var (start, end) = (At("2026-11-02T00:00:00"), At("2026-11-03T00:00:00"));

        Assert.Equal((3L, 2L), index.CountUsers(start, end, workspace: null));
        Assert.Equal((2L, 1L), index.CountUsers(start, end, workspace: "ws_1"));
        Assert.Equal((0L, 0L), index.CountUsers(start, end, workspace: "ws_9"));

        // A late event moves user 2's first sighting before the period; user 4's row arrives; user 3 exactly at the end is out.
        index.See(2, "ws_1", At("2026-10-30T08:00:00"));
        index.See(4, "ws_2", At("2026-11-02T12:00:00"));
        Assert.Equal((4L, 2L), index.CountUsers(start, end, workspace: null));
        Assert.Equal((1L, 1L), index.CountUsers(start, At("2026-11-02T23:59:59.999"), workspace: "ws_2"));
    }

    /// <summary>The counts as one comparable value: the windows' counts joined, churned, active workspaces.</summary>
    private static (string, long, long) Result((long[] PerWindow, long Churned, long ActiveWorkspaces) r) =>
        (string.Join(' ', r.PerWindow), r.Churned, r.ActiveWorkspaces);
}
