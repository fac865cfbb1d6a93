using System.Net;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.Users.Reads;
using ExecutiveDashboard.Users.Model;
using Npgsql;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>The spans read path against distinct counts taken directly from the events, on random activity sent
/// in time order then late and shuffled (<see cref="ShuffledActivityFixture"/>), for every timeframe, scope and tricky asOf.</summary>
[Collection(ServersCollection.Name)]
public sealed class SpansEquivalenceTests(UsersServersFixture servers, ShuffledActivityFixture activity) : IClassFixture<ShuffledActivityFixture>
{
    private static readonly DateTime End = ShuffledActivityFixture.End;
    private readonly IReadOnlyList<(string Workspace, string User, DateTime At)> _events = activity.Events;
    private readonly UsersService _service = activity.Service;

    [Fact]
    public async Task Merged_spans_equal_the_spans_rebuilt_from_the_raw_events()
    {
        Assert.Equal(0, await DifferencesFromRawEvents(_service));
        Assert.True(await _service.ScalarAsync("SELECT count(DISTINCT block) FROM user_activity_spans") >= 2);
    }

    /// <summary>Batches that reach into the same users' rows at once, most with events before the rows' last hour (merged
    /// outside SQL after the upsert locked the row): no batch's spans may be lost to another's read of the row.</summary>
    [Fact]
    public async Task Concurrent_late_batches_lose_no_span()
    {
        await using var service = servers.NewService();
        var random = new Random(3);
        var events = Enumerable.Range(0, 1_600).Select(i => Active($"c{i}", "ws_c", $"u{random.Next(0, 4)}",
            End.AddHours(-random.Next(0, 200)).AddMilliseconds(-random.Next(0, 3_600_000)))).ToList();
        foreach (var round in events.Chunk(400))
        {
            var responses = await Task.WhenAll(round.Chunk(50).Select(batch => service.Ingest.PostAsync("/api/users/events", Batch(batch))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        }
        Assert.Equal(0, await DifferencesFromRawEvents(service));
    }

    /// <summary>Rows of <c>user_activity_spans</c> that differ from the spans rebuilt from the raw events, either way.</summary>
    private static Task<long> DifferencesFromRawEvents(UsersService service) => service.ScalarAsync("""
            WITH rebuilt AS (
                SELECT block, user_key, min(workspace_id) AS workspace_id, string_agg(int8send((h << 44) | (f << 22) | l), ''::bytea ORDER BY h) AS spans
                FROM (
                    SELECT floor(hour / 1536)::int AS block, (hour - floor(hour / 1536) * 1536)::bigint AS h, user_key,
                           min(workspace_id) AS workspace_id, min(ms - hour * 3600000)::bigint AS f, max(ms - hour * 3600000)::bigint AS l
                    FROM (SELECT user_key, workspace_id, ms, floor(ms / 3600000) AS hour
                          FROM (SELECT user_key, workspace_id, floor(extract(epoch FROM occurred_at) * 1000) AS ms FROM activity_events) raw) events
                    GROUP BY 1, 2, 3) hours
                GROUP BY block, user_key)
            SELECT count(*) FROM (
                (SELECT * FROM rebuilt EXCEPT SELECT block, user_key, workspace_id, spans FROM user_activity_spans)
                UNION ALL
                (SELECT block, user_key, workspace_id, spans FROM user_activity_spans EXCEPT SELECT * FROM rebuilt)) d
            """);

    [Fact]
    public async Task Every_timeframe_and_scope_matches_distinct_counts_over_the_events()
    {
        await using var dataSource = NpgsqlDataSource.Create(_service.ConnectionString);
        var query = new UsersOverviewQuery(dataSource, new ActivitySpansCache(dataSource));
        var random = new Random(11);
        var asOfs = new List<DateTime> { End, End.AddHours(-5), End.AddMinutes(-37).AddMilliseconds(-123) };
        asOfs.AddRange(Enumerable.Range(0, 8).Select(_ => _events[random.Next(_events.Count)].At));               // on an event
        asOfs.AddRange(Enumerable.Range(0, 4).Select(_ => _events[random.Next(_events.Count)].At.AddMilliseconds(1))); // just after one

        var compared = 0;
        foreach (var asOf in asOfs)
        {
            foreach (var scope in new[] { "all", "ws_0", "ws_2" })
            {
                foreach (var timeframe in Enum.GetValues<Timeframe>())
                {
                    var expected = JsonSerializer.Serialize(Expected(scope, timeframe, asOf));
                    var actual = JsonSerializer.Serialize(await query.GetAsync(new OverviewRequest(scope, timeframe, asOf), default));
                    Assert.True(expected == actual, $"{scope} {timeframe} {Iso(asOf)}:\nevents {expected}\nspans  {actual}");
                    compared++;
                }
            }
        }
        Assert.Equal(15 * 3 * 5, compared);
    }

    /// <summary>Trend buckets at a reader's local boundaries (<c>tz</c>, <c>weekStart</c>): each bucket's distinct active
    /// users from the spans equal the distinct users of the events in it, the edges found by <see cref="ExpectedPeriods"/>
    /// with the operating system's zone rules. The activity covers Lord Howe's change of 10-04 (+10:30 → +11) and New York's
    /// of 11-01; Kolkata and Kathmandu put the edges at half and quarter hours, inside the spans' hours.</summary>
    [Theory]
    [InlineData("Asia/Kolkata", "monday")]
    [InlineData("Asia/Kathmandu", "sunday")]
    [InlineData("Australia/Lord_Howe", "monday")]
    [InlineData("America/New_York", "saturday")]
    [InlineData("UTC", "wednesday")]
    public async Task Local_buckets_match_distinct_counts_over_the_events(string tz, string weekStart)
    {
        await using var dataSource = NpgsqlDataSource.Create(_service.ConnectionString);
        var query = new UsersOverviewQuery(dataSource, new ActivitySpansCache(dataSource));
        var calendar = new ReaderCalendar(ReaderCalendar.ZoneOrNull(tz), WeekStarts.TryParse(weekStart, out var day) ? day : default);
        DateTime[] asOfs = [End, At("2026-11-04T12:00:00Z"), At("2026-10-10T06:30:00Z"), At("2026-11-02T06:40:00.123Z"), End.AddMinutes(-37).AddMilliseconds(-123)];

        foreach (var asOf in asOfs)
        {
            foreach (var scope in new[] { "all", "ws_0" })
            {
                foreach (var timeframe in Enum.GetValues<Timeframe>())
                {
                    var events = _events.Where(e => scope == "all" || e.Workspace == scope).ToList();
                    var period = ExpectedPeriods.Current(timeframe.ToWire(), asOf, events.Min(e => e.At));
                    var expected = ExpectedPeriods.LocalTrendBuckets(timeframe.ToWire(), period.Start, period.End, tz, Enum.Parse<DayOfWeek>(weekStart, true))
                        .Select(b => new TimeSeriesPoint(b.Start, events.Where(e => e.At >= b.Start && e.At < b.End).Select(e => (e.Workspace, e.User)).Distinct().Count()))
                        .ToList();
                    var actual = (await query.GetAsync(new OverviewRequest(scope, timeframe, asOf, Calendar: calendar), default)).UsersTrend;
                    Assert.True(expected.SequenceEqual(actual),
                        $"{tz} {scope} {timeframe} {Iso(asOf)}:\nevents {JsonSerializer.Serialize(expected)}\nspans  {JsonSerializer.Serialize(actual)}");
                }
            }
        }
    }

    /// <summary>The overview counted the slow, obvious way: every event against every window, the windows and the
    /// percentages of metrics.md written out here.</summary>
    private UsersOverview Expected(string scope, Timeframe timeframe, DateTime asOf)
    {
        var events = _events.Where(e => scope == "all" || e.Workspace == scope).ToList();
        var wire = timeframe.ToWire();
        var period = ExpectedPeriods.Current(wire, asOf, events.Min(e => e.At));
        HashSet<(string Workspace, string User)> ActiveIn((DateTime Start, DateTime End) w) =>
            events.Where(e => e.At >= w.Start && e.At < w.End).Select(e => (e.Workspace, e.User)).ToHashSet();
        long Active(DateTime end, TimeSpan length) => ActiveIn((end - length, end)).Count;
        (long Now, double? Change) OverLast(TimeSpan length) =>
            (Active(asOf, length), Relative(Active(asOf, length), Active(asOf - length, length)));

        var current = ActiveIn(period);
        var firstSeen = events.GroupBy(e => (e.Workspace, e.User)).Select(g => g.Min(e => e.At)).ToList();
        var known = firstSeen.Count(t => t < period.End);
        var (dau, wau, mau) = (OverLast(TimeSpan.FromDays(1)), OverLast(TimeSpan.FromDays(7)), OverLast(TimeSpan.FromDays(30)));
        return new UsersOverview(
            new PeriodRange(period.Start, period.End),
            new UserMetrics(dau.Now, dau.Change, wau.Now, wau.Change, mau.Now, mau.Change,
                NewUsers: firstSeen.Count(t => t >= period.Start && t < period.End),
                ChurnedUsers: ExpectedPeriods.Previous(wire, asOf) is { } previous ? ActiveIn(previous).Except(current).Count() : 0,
                ActiveRate: known == 0 ? null : Percent((double)current.Count / known * 100)),
            current.Select(u => u.Workspace).Distinct().Count(),
            ExpectedPeriods.TrendBuckets(wire, period.Start, period.End).Select(b => new TimeSeriesPoint(b.Start, ActiveIn(b).Count)).ToList());
    }

    /// <summary>Relative change in percent, none over nothing (metrics.md).</summary>
    private static double? Relative(long now, long before) => before == 0 ? null : Percent((double)(now - before) / before * 100);

    private static double Percent(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
