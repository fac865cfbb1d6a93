using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// A small fixed dataset of three workspaces (<c>hand_a</c>, <c>hand_b</c>, <c>hand_c</c>) goes in through the gateway,
/// and for every timeframe the whole overview of <c>hand_a</c> and of the platform is compared with numbers worked out
/// by hand from docs/metrics.md and docs/billing.md.
/// <para>
/// The dataset lives in 2025, before any other test's events (the others use 2026 and later), so that the platform
/// scope at asOf 2025-11-29T12:00Z holds exactly these events: windows end at asOf, states take events before it.
/// </para>
/// <para>
/// Not sealed: <see cref="ReplicatedOverviewTests"/> runs the same tests against two replicas of every service.
/// </para>
/// </summary>
[Collection(DashboardAppCollection.Name)]
public class FullOverviewTests(DashboardApp app, ITestOutputHelper output)
{
    private const string AsOf = "2025-11-29T12:00:00Z";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    /// <summary>The dataset goes in once per app model, whichever test comes first.</summary>
    private static readonly ConditionalWeakTable<DashboardApp, Lazy<Task>> Ingested = new();

    // Runs (completedAt, runtime s, credits):           24h = [11-28T12, 11-29T12)  prev 24h = [11-27T12, 11-28T12)
    //   hand_a r1 ag_1 ua1 ok   11-29T10:00  10  1.50    7d  = [11-22T12, 11-29T12)  prev 7d  = [11-15T12, 11-22T12)
    //   hand_a r2 ag_1 ua2 fail 11-28T20:00  20  2.25    30d = [10-30T12, 11-29T12)  prev 30d = [09-30T12, 10-30T12)
    //   hand_a r3 ag_2 ua1 ok   11-25T06:00  30  3.00    90d = [08-31T12, 11-29T12)  prev 90d = [06-02T12, 08-31T12)
    //   hand_a r4 ag_1 ua1 ok   11-28T06:00  40  0.75
    //   hand_a r5 ag_2 ua2 fail 11-18T12:00  50  1.00
    //   hand_a r6 ag_2 ua4 ok   11-28T11:00  60  0.25
    //   hand_b r7 ag_1 ub1 ok   11-29T11:00   5  0.50
    //   hand_b r8 ag_9 ub2 ok   10-10T00:00 100  4.00
    // Other activity: ua1 11-20T08:00, ua2 11-29T09:00, ub1 10-15T12:00. Signups: ua1 06-10T09:00, ua2 11-10T10:00,
    // ua3 11-28T15:00 (never active), ub1 09-01. ua4 and ub2 only appear through their runs.
    // Billing: hand_a trial 10-25 → converts 11-05 (100/month) → upgrade 11-25 (150/month);
    //          hand_b trial 06-01 → trial.ended 06-15 → annual 1,200/year 07-01 (100/month) → canceled 11-28T18:00;
    //          hand_c trial 11-26, ends 12-10 (still in trial at asOf). Spend 300 (06-20), 400 (10-05), 600 (11-27).
    private static readonly JsonObject[] UserEvents =
    [
        SignedUp("hand-u1", "hand_a", "ua1", "2025-06-10T09:00:00Z", "Ada Hand"),
        SignedUp("hand-u2", "hand_a", "ua2", "2025-11-10T10:00:00Z", "Bob Hand"),
        SignedUp("hand-u3", "hand_a", "ua3", "2025-11-28T15:00:00Z", "Cy Hand"),
        Active("hand-u4", "hand_a", "ua1", "2025-11-20T08:00:00Z"),
        Active("hand-u5", "hand_a", "ua2", "2025-11-29T09:00:00Z"),
        SignedUp("hand-u6", "hand_b", "ub1", "2025-09-01T00:00:00Z", "Dee Hand"),
        Active("hand-u7", "hand_b", "ub1", "2025-10-15T12:00:00Z"),
    ];

    private static readonly JsonObject[] ExecutionEvents =
    [
        AgentCreated("hand-x0", "hand_a", "ag_3", "Idle Bot", "2025-11-01T00:00:00Z"),
        // r1 is ag_1's latest event: its name wins over the earlier runs' "Invoice Bot".
        Run("hand-r1", "hand_a", "ag_1", "Invoice Bot v2", "ua1", true, "2025-11-29T10:00:00Z", 10, 1.50m),
        Run("hand-r2", "hand_a", "ag_1", "Invoice Bot", "ua2", false, "2025-11-28T20:00:00Z", 20, 2.25m),
        Run("hand-r3", "hand_a", "ag_2", "Support Bot", "ua1", true, "2025-11-25T06:00:00Z", 30, 3.00m),
        Run("hand-r4", "hand_a", "ag_1", "Invoice Bot", "ua1", true, "2025-11-28T06:00:00Z", 40, 0.75m),
        Run("hand-r5", "hand_a", "ag_2", "Support Bot", "ua2", false, "2025-11-18T12:00:00Z", 50, 1.00m),
        Run("hand-r6", "hand_a", "ag_2", "Support Bot", "ua4", true, "2025-11-28T11:00:00Z", 60, 0.25m),
        // Another workspace's ag_1 is another agent (docs/metrics.md).
        Run("hand-r7", "hand_b", "ag_1", "Bot B", "ub1", true, "2025-11-29T11:00:00Z", 5, 0.50m),
        Run("hand-r8", "hand_b", "ag_9", "Night Bot", "ub2", true, "2025-10-10T00:00:00Z", 100, 4.00m),
    ];

    private static readonly JsonObject[] BillingEvents =
    [
        TrialStarted("hand-b1", "hand_a", "2025-10-25T00:00:00Z", "2025-11-08T00:00:00Z"),
        SubscriptionStarted("hand-b2", "hand_a", "2025-11-05T00:00:00Z", "pro", "month", 100.00m),
        SubscriptionChanged("hand-b3", "hand_a", "2025-11-25T00:00:00Z", "team", "month", 150.00m),
        TrialStarted("hand-b4", "hand_b", "2025-06-01T00:00:00Z", "2025-06-15T00:00:00Z"),
        TrialEnded("hand-b5", "hand_b", "2025-06-15T00:00:00Z"),
        SubscriptionStarted("hand-b6", "hand_b", "2025-07-01T00:00:00Z", "team", "year", 1200.00m),
        SubscriptionCanceled("hand-b7", "hand_b", "2025-11-28T18:00:00Z"),
        TrialStarted("hand-b8", "hand_c", "2025-11-26T00:00:00Z", "2025-12-10T00:00:00Z"),
        MarketingSpend("hand-s1", "2025-06-20T00:00:00Z", 300.00m),
        MarketingSpend("hand-s2", "2025-10-05T00:00:00Z", 400.00m),
        MarketingSpend("hand-s3", "2025-11-27T00:00:00Z", 600.00m),
    ];

    public static TheoryData<string, string> Cases => new()
    {
        { "hand_a", "24h" }, { "hand_a", "7d" }, { "hand_a", "30d" }, { "hand_a", "90d" }, { "hand_a", "all" },
        { "all", "24h" }, { "all", "7d" }, { "all", "30d" }, { "all", "90d" }, { "all", "all" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_overview_equals_the_numbers_worked_out_by_hand(string scope, string timeframe)
    {
        await IngestOnceAsync();
        var ceo = await app.SignInAsync("ceo", "*");
        var expected = OverviewJson.Comparable(scope == "all" ? Platform(timeframe) : WorkspaceA(timeframe));

        // The users service learns about runs from RabbitMQ: read until it has caught up (or give up after 5 s).
        var (answer, elapsed, done) = await OverviewJson.ReadUntilAsync(ceo, scope, timeframe, AsOf,
            a => OverviewJson.Diff(expected, OverviewJson.Comparable(a)).Count == 0, Settle);

        var differences = OverviewJson.Diff(expected, OverviewJson.Comparable(answer));
        output.WriteLine($"{scope} {timeframe}: {(done ? "equal" : "different")} after {elapsed.TotalMilliseconds:F0} ms, cached={answer["meta"]!["cached"]}");
        Assert.True(differences.Count == 0, $"{scope} {timeframe}: {differences.Count} differences:\n" + string.Join("\n", differences));
    }

    /// <summary>The gateway caches complete answers; an ingest into any of the three services must show in the very
    /// next reads (acceptance: within 1 second), never a stale cached answer.</summary>
    [Fact]
    public async Task A_cached_overview_reflects_a_new_ingest_into_each_service()
    {
        const string fresh = "hand_fresh", asOf = "2026-01-15T12:00:00Z";
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", fresh);

        await PostAsync(ingest, "/api/users/events", SignedUp("fresh-u1", fresh, "uf1", "2026-01-10T09:00:00Z", "Fay Fresh"));
        await PostAsync(ingest, "/api/executions/events",
            Run("fresh-r1", fresh, "ag_f", "Fresh Bot", "uf1", true, "2026-01-15T10:00:00Z", 12, 1.25m));
        await PostAsync(ingest, "/api/billing/events", SubscriptionStarted("fresh-b1", fresh, "2026-01-05T00:00:00Z", "pro", "month", 20.00m));

        // Settled and served from the cache: 1 run, 1 daily user (uf1 through its run), MRR 20.
        var (cached, _, settled) = await OverviewJson.ReadUntilAsync(ceo, fresh, "24h", asOf, a =>
            Number(a, "executionMetrics", "totalRuns") == 1 && Number(a, "userMetrics", "dau") == 1
            && Number(a, "businessMetrics", "mrr") == 20 && a["meta"]!["cached"]!.GetValue<bool>(), TimeSpan.FromSeconds(10));
        Assert.True(settled, $"the first ingest did not settle into a cached answer: {cached.ToJsonString()}");

        await PostAsync(ingest, "/api/executions/events",
            Run("fresh-r2", fresh, "ag_f", "Fresh Bot", "uf2", false, "2026-01-15T11:00:00Z", 8, 0.75m));
        await PostAsync(ingest, "/api/users/events", Active("fresh-u2", fresh, "uf3", "2026-01-15T11:30:00Z"));
        await PostAsync(ingest, "/api/billing/events", SubscriptionChanged("fresh-b2", fresh, "2026-01-15T11:45:00Z", "team", "month", 35.00m));

        var (answer, elapsed, done) = await OverviewJson.ReadUntilAsync(ceo, fresh, "24h", asOf, a =>
            Number(a, "executionMetrics", "totalRuns") == 2 && Number(a, "userMetrics", "dau") == 3
            && Number(a, "businessMetrics", "mrr") == 35, Settle);
        output.WriteLine($"the overview reflected the second ingest {elapsed.TotalMilliseconds:F0} ms after its last 202");
        Assert.True(done, $"the overview did not reflect the ingest within {Settle}: {answer.ToJsonString()}");

        Assert.Equal(1m, Number(answer, "executionMetrics", "successfulRuns")); // r1
        Assert.Equal(1m, Number(answer, "executionMetrics", "failedRuns"));     // r2
        Assert.Equal(2.00m, Number(answer, "executionMetrics", "totalCreditsUsed")); // 1.25 + 0.75
        Assert.Equal(10.000m, Number(answer, "executionMetrics", "avgRuntime"));     // (12 + 8) / 2
        Assert.Equal(75.00m, Number(answer, "businessMetrics", "mrrChange"));        // (35 - 20) / 20 × 100
        Assert.Equal(420.00m, Number(answer, "businessMetrics", "arr"));             // 35 × 12
    }

    private static decimal? Number(JsonObject answer, string section, string field) =>
        answer[section]?[field] is JsonValue v ? decimal.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : null;

    private Task IngestOnceAsync() => Ingested.GetValue(app, running => new Lazy<Task>(() => IngestAsync(running))).Value;

    private static async Task IngestAsync(DashboardApp running)
    {
        var ingest = await running.SignInAsync("ingest", "*");
        await PostAsync(ingest, "/api/users/events", UserEvents);
        await PostAsync(ingest, "/api/executions/events", ExecutionEvents);
        await PostAsync(ingest, "/api/billing/events", BillingEvents);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Expected answers, worked out by hand.

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1), SixHours = TimeSpan.FromHours(6),
        Day = TimeSpan.FromDays(1), Week = TimeSpan.FromDays(7);

    private static ExecutiveDashboardData Data(string timeframe, string start, UserMetrics users, ExecutionMetrics executions,
        BusinessMetrics business, AgentMetrics agents, Trends trends, IReadOnlyList<TopUser> topUsers, MrrMovements movements) =>
        new(timeframe, new PeriodRange(Utc(start), Utc(AsOf)), users, executions, business, agents, trends, [], topUsers, movements,
            new DashboardMeta(default, Utc(AsOf), false, [], [], new Dictionary<string, MetricInfo>()));

    private static TopUser User(string id, string workspace, string? name, long runs, decimal credits, string lastActiveAt) =>
        new(id, workspace, name, runs, credits, Utc(lastActiveAt));

    /// <summary>hand_a alone. Users ua1..ua4 are known by asOf (4). dau/wau/mau do not depend on the timeframe:
    /// dau [11-28T12, asOf) = {ua1 (r1), ua2 (r2, active)} = 2, the day before = {ua1 (r4), ua4 (r6)} = 2 → change 0;
    /// wau = {ua1, ua2, ua4} = 3, the week before = {ua1 (active 11-20), ua2 (r5)} = 2 → +50 %;
    /// mau = 3, the 30 days before = nobody → change null. One workspace, active in every period.
    /// Billing: MRR at asOf 150 (paid 1, trial 0, ARR 1,800); ltv null: hand_a did not pay 30 days before asOf
    /// (trial until 11-05), so its monthly churn is undefined; cac and ltvCacRatio are null for a single workspace.</summary>
    private static ExecutiveDashboardData WorkspaceA(string timeframe)
    {
        var agent1 = "Invoice Bot v2";
        switch (timeframe)
        {
            case "24h":
                return Data("24h", "2025-11-28T12:00:00Z",
                    // new: ua3 (signup 11-28T15); churned: ua4 (prev {ua1, ua4}, now {ua1, ua2}); active 2 / 4 known = 50 %
                    new UserMetrics(2, 0, 3, 50, 3, null, NewUsers: 1, ChurnedUsers: 1, ActiveRate: 50),
                    // r1, r2: 1 ok, 1 failed = 50 %; prev r4, r6 = 2 runs, 100 % → 0 % and −50 pp; avg (10+20)/2 = 15;
                    // p95 = 10 + 0.95 × (20 − 10) = 19.5; credits 1.50 + 2.25 = 3.75 vs 0.75 + 0.25 = 1.00 → +275 %
                    new ExecutionMetrics(2, 0, 1, 1, 50, -50, 15, 19.5, 3.75m, 275),
                    // MRR 150 at 11-28T12 and at asOf → 0 %; paid at start 1, lost 0 → churn 0 %
                    new BusinessMetrics(150, 0, 1800, null, null, null, 1, 1, 0, 0),
                    // active: ag_1 only (r1, r2): 2 runs, 50 %, avg 15; known: ag_1, ag_2, ag_3 (created 11-01) = 3
                    new AgentMetrics(3, 1, [new TopAgent("ag_1", "hand_a", agent1, 2, 50, 15)]),
                    new Trends(
                        Trend.Runs("2025-11-28T12:00:00Z", Hour, 24, new() { [8] = (1, 0, 1), [22] = (1, 1, 0) }), // r2 20:00, r1 10:00
                        Trend.Points("2025-11-28T12:00:00Z", Hour, 24, new() { [8] = 1, [21] = 1, [22] = 1 }),  // ua2 r2, ua2 09:00, ua1 r1
                        Trend.Steps("2025-11-28T12:00:00Z", Hour, 24, (0, 150)),                                 // 150 all day
                        Trend.Points("2025-11-28T12:00:00Z", Hour, 24, new() { [8] = 100 })),                    // r2 failed
                    // ties at 1 run break by id
                    [User("ua1", "hand_a", "Ada Hand", 1, 1.50m, "2025-11-29T10:00:00Z"), User("ua2", "hand_a", "Bob Hand", 1, 2.25m, "2025-11-28T20:00:00Z")],
                    new MrrMovements(0, 0, 0, 0, 0));
            case "7d":
                return Data("7d", "2025-11-22T12:00:00Z",
                    // new: ua3, ua4; churned: prev {ua1, ua2} ⊂ now {ua1, ua2, ua4} → 0; active 3 / 4 = 75 %
                    new UserMetrics(2, 0, 3, 50, 3, null, NewUsers: 2, ChurnedUsers: 0, ActiveRate: 75),
                    // r1 r2 r3 r4 r6: 4 ok / 5 = 80 %; prev r5 alone (failed, 0 %) → (5−1)/1 = +400 %, +80 pp;
                    // avg (10+20+30+40+60)/5 = 32; p95 rank 0.95 × 4 = 3.8 → 40 + 0.8 × 20 = 56;
                    // credits 1.50+2.25+3.00+0.75+0.25 = 7.75 vs 1.00 → +675 %
                    new ExecutionMetrics(5, 400, 4, 1, 80, 80, 32, 56, 7.75m, 675),
                    // MRR 100 at 11-22T12 → 150 → +50 %; churn 0 / 1 = 0 %
                    new BusinessMetrics(150, 50, 1800, null, null, null, 1, 1, 0, 0),
                    // ag_1: r1 r2 r4 = 3 runs, 2 ok = 66.67 %, avg 70/3 = 23.333; ag_2: r3 r6 = 2, 100 %, avg 45
                    new AgentMetrics(3, 2, [new TopAgent("ag_1", "hand_a", agent1, 3, 66.67, 23.333), new TopAgent("ag_2", "hand_a", "Support Bot", 2, 100, 45)]),
                    new Trends(
                        // 6-hour buckets from 11-22T12: r3 +66 h → 11; r4 +138 h, r6 +143 h → 23; r2 +152 h → 25; r1 +166 h → 27
                        Trend.Runs("2025-11-22T12:00:00Z", SixHours, 28, new() { [11] = (1, 1, 0), [23] = (2, 2, 0), [25] = (1, 0, 1), [27] = (1, 1, 0) }),
                        // 23: ua1 (r4), ua4 (r6); 27: ua2 (active +165 h), ua1 (r1)
                        Trend.Points("2025-11-22T12:00:00Z", SixHours, 28, new() { [11] = 1, [23] = 2, [25] = 1, [27] = 2 }),
                        // bucket 9 ends at 11-25T00, the upgrade's instant, which counts only after it
                        Trend.Steps("2025-11-22T12:00:00Z", SixHours, 28, (0, 100), (10, 150)),
                        Trend.Points("2025-11-22T12:00:00Z", SixHours, 28, new() { [25] = 100 })),
                    // ua1: r1 r3 r4 = 3 runs, 1.50+3.00+0.75 = 5.25; ua2: r2; ua4: r6 (never signed up: no name)
                    [User("ua1", "hand_a", "Ada Hand", 3, 5.25m, "2025-11-29T10:00:00Z"), User("ua2", "hand_a", "Bob Hand", 1, 2.25m, "2025-11-28T20:00:00Z"),
                     User("ua4", "hand_a", null, 1, 0.25m, "2025-11-28T11:00:00Z")],
                    new MrrMovements(0, 50, 0, 0, 0)); // upgrade 100 → 150
            case "30d":
            case "90d":
            case "all":
            {
                var (start, trendStart, step, count) = timeframe switch
                {
                    "30d" => ("2025-10-30T12:00:00Z", "2025-10-30T12:00:00Z", Day, 30),
                    "90d" => ("2025-08-31T12:00:00Z", "2025-08-31T12:00:00Z", Day, 90),
                    // all: from hand_a's earliest event (ua1's signup, a Tuesday); weeks from Monday 06-09
                    _ => ("2025-06-10T09:00:00Z", "2025-06-09T00:00:00Z", Week, 25),
                };
                // Bucket indexes: 30d from 10-30T12 (r5 → 19, ua1 11-20T08 → 20, r3 → 25, r4 r6 → 28, r2 r1 → 29);
                // 90d from 08-31T12 is the same + 60; all: week of 11-17 = 23 (r5, ua1, ua2), week of 11-24 = 24 (the rest).
                var (executions, users, errors, revenue) = timeframe switch
                {
                    "30d" => (new Dictionary<int, (long, long, long)> { [19] = (1, 0, 1), [25] = (1, 1, 0), [28] = (2, 2, 0), [29] = (2, 1, 1) },
                        new Dictionary<int, double> { [19] = 1, [20] = 1, [25] = 1, [28] = 2, [29] = 2 },
                        new Dictionary<int, double> { [19] = 100, [29] = 50 },
                        // MRR at each bucket end: 0 until 11-05 (bucket 5 ends 11-05T12), 150 from bucket 25 (ends 11-25T12)
                        new[] { (0, 0d), (5, 100d), (25, 150d) }),
                    "90d" => (new Dictionary<int, (long, long, long)> { [79] = (1, 0, 1), [85] = (1, 1, 0), [88] = (2, 2, 0), [89] = (2, 1, 1) },
                        new Dictionary<int, double> { [79] = 1, [80] = 1, [85] = 1, [88] = 2, [89] = 2 },
                        new Dictionary<int, double> { [79] = 100, [89] = 50 },
                        new[] { (0, 0d), (65, 100d), (85, 150d) }),
                    // weeks: r1 r2 r3 r4 r6 → 5 runs, 4 ok, 1 failed = 20 %; MRR at week ends 11-10, 11-17, 11-24 = 100, at asOf 150
                    _ => (new Dictionary<int, (long, long, long)> { [23] = (1, 0, 1), [24] = (5, 4, 1) },
                        new Dictionary<int, double> { [23] = 2, [24] = 3 },
                        new Dictionary<int, double> { [23] = 100, [24] = 20 },
                        new[] { (0, 0d), (21, 100d), (24, 150d) }),
                };
                return Data(timeframe, start,
                    // new: 30d/90d ua2 (11-10), ua3, ua4 = 3; all: all 4. Nobody active in the previous period → 0 churned.
                    // active {ua1, ua2, ua4} / 4 known = 75 %
                    new UserMetrics(2, 0, 3, 50, 3, null, NewUsers: timeframe == "all" ? 4 : 3, ChurnedUsers: 0, ActiveRate: 75),
                    // all six runs: 4 ok / 6 = 66.67 %; avg 210/6 = 35; p95 rank 0.95 × 5 = 4.75 → 50 + 0.75 × 10 = 57.5;
                    // credits 7.75 + 1.00 = 8.75; no runs in the previous period (none for all) → changes null
                    new ExecutionMetrics(6, null, 4, 2, 66.67, null, 35, 57.5, 8.75m, null),
                    // MRR 0 at the start (trial) → change null, nobody paid at the start → churn null
                    new BusinessMetrics(150, null, 1800, null, null, null, 1, 1, 0, null),
                    // ag_1: r1 r2 r4 (66.67 %, 23.333); ag_2: r3 r5 r6 = 3 runs, 2 ok = 66.67 %, avg 140/3 = 46.667; tie → by id
                    new AgentMetrics(3, 2, [new TopAgent("ag_1", "hand_a", agent1, 3, 66.67, 23.333), new TopAgent("ag_2", "hand_a", "Support Bot", 3, 66.67, 46.667)]),
                    new Trends(
                        Trend.Runs(trendStart, step, count, executions),
                        Trend.Points(trendStart, step, count, users),
                        Trend.Steps(trendStart, step, count, revenue),
                        Trend.Points(trendStart, step, count, errors)),
                    // ua2: r2 r5 = 2 runs, 2.25 + 1.00 = 3.25
                    [User("ua1", "hand_a", "Ada Hand", 3, 5.25m, "2025-11-29T10:00:00Z"), User("ua2", "hand_a", "Bob Hand", 2, 3.25m, "2025-11-28T20:00:00Z"),
                     User("ua4", "hand_a", null, 1, 0.25m, "2025-11-28T11:00:00Z")],
                    new MrrMovements(100, 50, 0, 0, 0)); // conversion 0 → 100 (new), upgrade 100 → 150; 0 + 100 + 50 = 150
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(timeframe));
        }
    }

    /// <summary>The whole platform. Known users: ua1..ua4, ub1, ub2 = 6 (per workspace). dau = {ua1, ua2, ub1 (r7)} = 3 vs
    /// {ua1, ua4} = 2 → +50 %; wau = {ua1, ua2, ua4, ub1} = 4 vs {ua1, ua2} = 2 → +100 %; mau = 4 vs {ub2 (r8 10-10),
    /// ub1 (active 10-15)} = 2 → +100 %. Active workspaces: hand_a and hand_b in every period (hand_c has no users).
    /// Billing at asOf: only hand_a pays (150, ARR 1,800), hand_c is in trial. LTV: of those paying 30 days before asOf
    /// (10-30T12: hand_b only) 1 of 1 left → monthly churn 1; ARPA 150 / 1 → LTV 150 in every timeframe.
    /// Known agents: hand_a's ag_1 ag_2 ag_3, hand_b's ag_1 ag_9 = 5.</summary>
    private static ExecutiveDashboardData Platform(string timeframe)
    {
        var invoiceBot = "Invoice Bot v2";
        var ua1 = User("ua1", "hand_a", "Ada Hand", 3, 5.25m, "2025-11-29T10:00:00Z"); // r1 r3 r4 from 7d on
        var ua4 = User("ua4", "hand_a", null, 1, 0.25m, "2025-11-28T11:00:00Z");
        var ub1 = User("ub1", "hand_b", "Dee Hand", 1, 0.50m, "2025-11-29T11:00:00Z");
        switch (timeframe)
        {
            case "24h":
                return Data("24h", "2025-11-28T12:00:00Z",
                    // new: ua3; churned: ua4; active 3 / 6 = 50 %
                    new UserMetrics(3, 50, 4, 100, 4, 100, NewUsers: 1, ChurnedUsers: 1, ActiveRate: 50),
                    // r1 r2 r7: 2 ok / 3 = 66.67 % vs r4 r6 100 % → −33.33 pp; runs (3−2)/2 = +50 %; avg 35/3 = 11.667;
                    // p95 rank 0.95 × 2 = 1.9 over [5, 10, 20] → 10 + 0.9 × 10 = 19; credits 3.75 + 0.50 = 4.25 vs 1.00 → +325 %
                    new ExecutionMetrics(3, 50, 2, 1, 66.67, -33.33, 11.667, 19, 4.25m, 325),
                    // MRR 250 at 11-28T12 (hand_a 150 + hand_b 100) → 150 → −40 %; paid at start 2, hand_b left → 50 %;
                    // no spend in the period → cac null (docs/billing.md), so ltvCacRatio null
                    new BusinessMetrics(150, -40, 1800, 150, null, null, 2, 1, 1, 50),
                    // hand_a's ag_1 (r1 r2) and hand_b's ag_1 (r7)
                    new AgentMetrics(5, 2, [new TopAgent("ag_1", "hand_a", invoiceBot, 2, 50, 15), new TopAgent("ag_1", "hand_b", "Bot B", 1, 100, 5)]),
                    new Trends(
                        Trend.Runs("2025-11-28T12:00:00Z", Hour, 24, new() { [8] = (1, 0, 1), [22] = (1, 1, 0), [23] = (1, 1, 0) }), // + r7 11:00
                        Trend.Points("2025-11-28T12:00:00Z", Hour, 24, new() { [8] = 1, [21] = 1, [22] = 1, [23] = 1 }),
                        // the cancel at 18:00 counts only after 18:00: buckets ending 13:00..18:00 (0..5) still hold hand_b
                        Trend.Steps("2025-11-28T12:00:00Z", Hour, 24, (0, 250), (6, 150)),
                        Trend.Points("2025-11-28T12:00:00Z", Hour, 24, new() { [8] = 100 })),
                    [User("ua1", "hand_a", "Ada Hand", 1, 1.50m, "2025-11-29T10:00:00Z"), User("ua2", "hand_a", "Bob Hand", 1, 2.25m, "2025-11-28T20:00:00Z"), ub1],
                    new MrrMovements(0, 0, 0, 100, 0)); // 250 − 100 = 150
            case "7d":
                return Data("7d", "2025-11-22T12:00:00Z",
                    // new: ua3, ua4; churned 0; active 4 / 6 = 66.67 %
                    new UserMetrics(3, 50, 4, 100, 4, 100, NewUsers: 2, ChurnedUsers: 0, ActiveRate: 66.67),
                    // hand_a's five + r7: 5 ok / 6 = 83.33 % vs r5 0 % → +83.33 pp; runs (6−1)/1 = +500 %; avg 165/6 = 27.5;
                    // p95 rank 0.95 × 5 = 4.75 over [5, 10, 20, 30, 40, 60] → 40 + 0.75 × 20 = 55; credits 7.75 + 0.50 = 8.25 → +725 %
                    new ExecutionMetrics(6, 500, 5, 1, 83.33, 83.33, 27.5, 55, 8.25m, 725),
                    // MRR 200 at 11-22T12 (100 + 100) → 150 → −25 %; churn 1 / 2 = 50 %; spend 600 but no first payment → cac null
                    new BusinessMetrics(150, -25, 1800, 150, null, null, 2, 1, 1, 50),
                    new AgentMetrics(5, 3, [new TopAgent("ag_1", "hand_a", invoiceBot, 3, 66.67, 23.333), new TopAgent("ag_2", "hand_a", "Support Bot", 2, 100, 45),
                        new TopAgent("ag_1", "hand_b", "Bot B", 1, 100, 5)]),
                    new Trends(
                        Trend.Runs("2025-11-22T12:00:00Z", SixHours, 28, new() { [11] = (1, 1, 0), [23] = (2, 2, 0), [25] = (1, 0, 1), [27] = (2, 2, 0) }),
                        Trend.Points("2025-11-22T12:00:00Z", SixHours, 28, new() { [11] = 1, [23] = 2, [25] = 1, [27] = 3 }),
                        // 200 until the upgrade (bucket 10 on), 250 until the cancel at 11-28T18:00 (end of bucket 24)
                        Trend.Steps("2025-11-22T12:00:00Z", SixHours, 28, (0, 200), (10, 250), (25, 150)),
                        Trend.Points("2025-11-22T12:00:00Z", SixHours, 28, new() { [25] = 100 })),
                    // ties at 1 run: ua2, ua4, ub1 by id
                    [ua1, User("ua2", "hand_a", "Bob Hand", 1, 2.25m, "2025-11-28T20:00:00Z"), ua4, ub1],
                    new MrrMovements(0, 50, 0, 100, 0)); // 200 + 50 − 100 = 150
            case "30d":
                return Data("30d", "2025-10-30T12:00:00Z",
                    // new: ua2, ua3, ua4; churned: ub2 (prev {ub1, ub2}, now {ua1, ua2, ua4, ub1}); active 4 / 6 = 66.67 %
                    new UserMetrics(3, 50, 4, 100, 4, 100, NewUsers: 3, ChurnedUsers: 1, ActiveRate: 66.67),
                    // 7 runs (hand_a's six + r7), 5 ok = 71.43 % vs r8 100 % → −28.57 pp; runs (7−1)/1 = +600 %; avg 215/7 = 30.714;
                    // p95 rank 0.95 × 6 = 5.7 over [5, 10, 20, 30, 40, 50, 60] → 50 + 0.7 × 10 = 57; credits 9.25 vs 4.00 → +131.25 %
                    new ExecutionMetrics(7, 600, 5, 2, 71.43, -28.57, 30.714, 57, 9.25m, 131.25),
                    // MRR 100 at 10-30T12 (hand_b) → 150 → +50 %; churn 1 / 1 = 100 %; cac = spend 600 / 1 first payment
                    // (hand_a 11-05) = 600; ltv / cac = 150 / 600 = 0.25
                    new BusinessMetrics(150, 50, 1800, 150, 600, 0.25, 2, 1, 1, 100),
                    new AgentMetrics(5, 3, [new TopAgent("ag_1", "hand_a", invoiceBot, 3, 66.67, 23.333), new TopAgent("ag_2", "hand_a", "Support Bot", 3, 66.67, 46.667),
                        new TopAgent("ag_1", "hand_b", "Bot B", 1, 100, 5)]),
                    new Trends(
                        Trend.Runs("2025-10-30T12:00:00Z", Day, 30, new() { [19] = (1, 0, 1), [25] = (1, 1, 0), [28] = (2, 2, 0), [29] = (3, 2, 1) }),
                        Trend.Points("2025-10-30T12:00:00Z", Day, 30, new() { [19] = 1, [20] = 1, [25] = 1, [28] = 2, [29] = 3 }),
                        // hand_b 100 through bucket 28 (ends 11-28T12); hand_a +100 from bucket 5, +50 from bucket 25
                        Trend.Steps("2025-10-30T12:00:00Z", Day, 30, (0, 100), (5, 200), (25, 250), (29, 150)),
                        Trend.Points("2025-10-30T12:00:00Z", Day, 30, new() { [19] = 100, [29] = 33.33 })), // 1 of 3 failed
                    [ua1, User("ua2", "hand_a", "Bob Hand", 2, 3.25m, "2025-11-28T20:00:00Z"), ua4, ub1],
                    new MrrMovements(100, 50, 0, 100, 0)); // 100 + 100 + 50 − 100 = 150
            case "90d":
            case "all":
            {
                var all = timeframe == "all";
                var (start, trendStart, step, count) = all
                    // all: from the platform's earliest event (hand_b's trial 06-01, a Sunday); weeks from Monday 05-26
                    ? ("2025-06-01T00:00:00Z", "2025-05-26T00:00:00Z", Week, 27)
                    : ("2025-08-31T12:00:00Z", "2025-08-31T12:00:00Z", Day, 90);
                // 90d daily buckets from 08-31T12: r8 10-10T00 → 39, ub1 10-15T12 → 45, hand_a's as in 30d + 60.
                // all weekly buckets from 05-26: r8 (week of 10-06) → 19, ub1 active (week of 10-13) → 20, r5 → 25, the rest → 26.
                var (executions, users, errors, revenue) = all
                    ? (new Dictionary<int, (long, long, long)> { [19] = (1, 1, 0), [25] = (1, 0, 1), [26] = (6, 5, 1) },
                        new Dictionary<int, double> { [19] = 1, [20] = 1, [25] = 2, [26] = 4 },
                        new Dictionary<int, double> { [25] = 100, [26] = 16.67 }, // 1 of 6 failed
                        // hand_b pays from 07-01 (week 5 ends 07-07) to the cancel (week 26 ends at asOf); hand_a from week 23 (ends 11-10)
                        new[] { (0, 0d), (5, 100d), (23, 200d), (26, 150d) })
                    : (new Dictionary<int, (long, long, long)> { [39] = (1, 1, 0), [79] = (1, 0, 1), [85] = (1, 1, 0), [88] = (2, 2, 0), [89] = (3, 2, 1) },
                        new Dictionary<int, double> { [39] = 1, [45] = 1, [79] = 1, [80] = 1, [85] = 1, [88] = 2, [89] = 3 },
                        new Dictionary<int, double> { [79] = 100, [89] = 33.33 },
                        new[] { (0, 100d), (65, 200d), (85, 250d), (89, 150d) });
                return Data(timeframe, start,
                    // active {ua1, ua2, ua4, ub1, ub2} = 5 / 6 = 83.33 %; new: 90d ua2 ua3 ua4 ub1 ub2 = 5, all = 6; nobody active before
                    new UserMetrics(3, 50, 4, 100, 4, 100, NewUsers: all ? 6 : 5, ChurnedUsers: 0, ActiveRate: 83.33),
                    // all 8 runs, 6 ok = 75 %; avg 315/8 = 39.375; p95 rank 0.95 × 7 = 6.65 over [5, 10, 20, 30, 40, 50, 60, 100]
                    // → 60 + 0.65 × 40 = 86; credits 9.25 + 4.00 = 13.25; no runs before (or no previous period) → changes null
                    new ExecutionMetrics(8, null, 6, 2, 75, null, 39.375, 86, 13.25m, null),
                    all
                        // MRR 0 at the first event → change and churn null; cac = (300 + 400 + 600) / 2 first payments = 650;
                        // ltv / cac = 150 / 650 = 0.2308 → 0.23
                        ? new BusinessMetrics(150, null, 1800, 150, 650, 0.23, 2, 1, 1, null)
                        // MRR 100 at 08-31T12 → +50 %; churn 1 / 1 = 100 %; cac = (400 + 600) / 1 = 1,000; 150 / 1000 = 0.15
                        : new BusinessMetrics(150, 50, 1800, 150, 1000, 0.15, 2, 1, 1, 100),
                    // ties at 1 run: hand_b's ag_1 before ag_9
                    new AgentMetrics(5, 4, [new TopAgent("ag_1", "hand_a", invoiceBot, 3, 66.67, 23.333), new TopAgent("ag_2", "hand_a", "Support Bot", 3, 66.67, 46.667),
                        new TopAgent("ag_1", "hand_b", "Bot B", 1, 100, 5), new TopAgent("ag_9", "hand_b", "Night Bot", 1, 100, 100)]),
                    new Trends(
                        Trend.Runs(trendStart, step, count, executions),
                        Trend.Points(trendStart, step, count, users),
                        Trend.Steps(trendStart, step, count, revenue),
                        Trend.Points(trendStart, step, count, errors)),
                    [ua1, User("ua2", "hand_a", "Bob Hand", 2, 3.25m, "2025-11-28T20:00:00Z"), ua4, ub1,
                     User("ub2", "hand_b", null, 1, 4.00m, "2025-10-10T00:00:00Z")],
                    // all: hand_b 0 → 100 and hand_a 0 → 100 are new; 90d: only hand_a. Then +50, −100.
                    all ? new MrrMovements(200, 50, 0, 100, 0) : new MrrMovements(100, 50, 0, 100, 0));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(timeframe));
        }
    }
}
