using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Executions.Rollups;
using static ExecutiveDashboard.Executions.UnitTests.Utc;

namespace ExecutiveDashboard.Executions.UnitTests.Rollups;

public class RunRollupsTests
{
    private static int _next;

    private static RunCompletedEvent Run(
        string completedAt, double runtimeSeconds = 30, string workspace = "ws_1", string agent = "ag_1",
        string? agentName = null, string user = "u_1", bool succeeded = true, decimal credits = 2.5m)
    {
        var completed = At(completedAt);
        var id = Interlocked.Increment(ref _next);
        return new RunCompletedEvent($"ev_{id}", workspace, $"r_{id}", agent, agentName, user,
            succeeded ? RunStatus.Succeeded : RunStatus.Failed, completed.AddSeconds(-runtimeSeconds), completed, credits, null);
    }

    private static AgentCreatedEvent Created(string occurredAt, string name, string workspace = "ws_1", string agent = "ag_1") =>
        new($"ev_{Interlocked.Increment(ref _next)}", workspace, agent, name, At(occurredAt));

    [Fact]
    public void A_run_counts_in_its_workspace_per_day_and_hour_and_in_the_platform_also_per_minute()
    {
        var rollups = RunRollups.From([Run("2026-11-02T10:17:45", runtimeSeconds: 30, credits: 2.5m)]);

        var one = new RunTotals(Runs: 1, Succeeded: 1, RuntimeSum: 30, Credits: 2.5m);
        var expected = new Dictionary<(string, Grain, DateTime), RunTotals>();
        foreach (var scope in (string[])["ws_1", "*"])
        {
            expected[(scope, Grain.Day, At("2026-11-02T00:00:00"))] = one;
            expected[(scope, Grain.Hour, At("2026-11-02T10:00:00"))] = one;
        }
        expected[("*", Grain.Minute, At("2026-11-02T10:17:00"))] = one;
        Assert.Equal(expected, rollups.Stats);
    }

    [Fact]
    public void Buckets_are_floored_in_UTC_whatever_offset_the_event_was_sent_with()
    {
        // 00:30:10+02:00 is 22:30:10Z the day before.
        using var json = System.Text.Json.JsonDocument.Parse("""
            [{ "eventId": "e1", "type": "run.completed", "workspaceId": "ws_1", "runId": "r_1", "agentId": "ag_1",
               "userId": "u_1", "status": "succeeded", "startedAt": "2026-11-02T00:30:00+02:00",
               "completedAt": "2026-11-02T00:30:10+02:00", "credits": 1 }]
            """);
        var batch = EventBatch.Parse(json.RootElement, ExecutionEvent.Types, ExecutionEvent.Parse, At("2026-11-02T00:00:00"));

        var rollups = RunRollups.From(batch.Events);

        Assert.Contains(("ws_1", Grain.Day, At("2026-11-01T00:00:00")), rollups.Stats.Keys);
        Assert.Contains(("ws_1", Grain.Hour, At("2026-11-01T22:00:00")), rollups.Stats.Keys);
        Assert.Contains(("*", Grain.Minute, At("2026-11-01T22:30:00")), rollups.Stats.Keys);
    }

    [Fact]
    public void Two_runs_of_the_same_hour_sum_and_keep_their_own_minutes()
    {
        var rollups = RunRollups.From(
        [
            Run("2026-11-02T10:05:00", runtimeSeconds: 30, credits: 2.5m),
            Run("2026-11-02T10:59:59", runtimeSeconds: 90, credits: 1.5m, succeeded: false),
        ]);

        // 2 runs, 1 succeeded, 30 + 90 = 120 s, 2.5 + 1.5 = 4.0 credits
        var both = new RunTotals(2, 1, 120, 4.0m);
        Assert.Equal(both, rollups.Stats[("ws_1", Grain.Hour, At("2026-11-02T10:00:00"))]);
        Assert.Equal(both, rollups.Stats[("*", Grain.Day, At("2026-11-02T00:00:00"))]);
        Assert.Equal(new RunTotals(1, 0, 90, 1.5m), rollups.Stats[("*", Grain.Minute, At("2026-11-02T10:59:00"))]);
        Assert.Equal(6, rollups.Stats.Count);   // ws_1: 1 day + 1 hour; platform: 1 day + 1 hour + 2 minutes
    }

    [Fact]
    public void The_platform_scope_sums_every_workspace()
    {
        var rollups = RunRollups.From(
        [
            Run("2026-11-02T10:05:00", workspace: "ws_1", runtimeSeconds: 10, credits: 1m),
            Run("2026-11-02T10:06:00", workspace: "ws_2", runtimeSeconds: 20, credits: 2m),
        ]);

        var hour = At("2026-11-02T10:00:00");
        Assert.Equal(new RunTotals(1, 1, 10, 1m), rollups.Stats[("ws_1", Grain.Hour, hour)]);
        Assert.Equal(new RunTotals(1, 1, 20, 2m), rollups.Stats[("ws_2", Grain.Hour, hour)]);
        Assert.Equal(new RunTotals(2, 2, 30, 3m), rollups.Stats[("*", Grain.Hour, hour)]);   // 1 + 1 runs, 10 + 20 s, 1 + 2 credits
    }

    [Fact]
    public void The_histogram_counts_each_run_in_the_bin_of_its_runtime()
    {
        var rollups = RunRollups.From(
        [
            Run("2026-11-02T10:05:00", runtimeSeconds: 30),
            Run("2026-11-02T10:40:00", runtimeSeconds: 30),
            Run("2026-11-02T10:41:00", runtimeSeconds: 0),
        ]);

        var hour = At("2026-11-02T10:00:00");
        var day = At("2026-11-02T00:00:00");
        var bin30 = RuntimeSketch.BinOf(30);
        Assert.Equal(Bins((RuntimeSketch.ZeroBin, 1), (bin30, 2)), rollups.Histograms[("ws_1", Grain.Day, day)]);
        Assert.Equal(Bins((RuntimeSketch.ZeroBin, 1), (bin30, 2)), rollups.Histograms[("ws_1", Grain.Hour, hour)]);
        Assert.Equal(Bins((RuntimeSketch.ZeroBin, 1), (bin30, 2)), rollups.Histograms[("*", Grain.Day, day)]);
        Assert.Equal(Bins((RuntimeSketch.ZeroBin, 1), (bin30, 2)), rollups.Histograms[("*", Grain.Hour, hour)]);
        Assert.Equal(Bins((bin30, 1)), rollups.Histograms[("*", Grain.Minute, At("2026-11-02T10:05:00"))]);
        Assert.Equal(Bins((bin30, 1)), rollups.Histograms[("*", Grain.Minute, At("2026-11-02T10:40:00"))]);
        Assert.Equal(Bins((RuntimeSketch.ZeroBin, 1)), rollups.Histograms[("*", Grain.Minute, At("2026-11-02T10:41:00"))]);
        Assert.Equal(rollups.Stats.Keys.Order(), rollups.Histograms.Keys.Order());   // one histogram per stats row
    }

    private static KeyValuePair<int, long>[] Bins(params (int Bin, long Runs)[] bins) =>
        bins.Select(b => KeyValuePair.Create(b.Bin, b.Runs)).ToArray();

    [Fact]
    public void A_histogram_is_stored_as_bins_shifted_left_32_bits_or_their_count()
    {
        // BinOf(30) = ⌈ln 30 / ln(1.01/0.99)⌉ = ⌈3.4012 / 0.0200007⌉ = 171; int.MinValue is the bin of no time.
        var bins = new SortedDictionary<int, long> { [171] = 2, [RuntimeSketch.ZeroBin] = 1 };

        Assert.Equal(171, RuntimeSketch.BinOf(30));
        Assert.Equal("{-9223372036854775807,734439407618}", RuntimeSketch.ToSqlArray(bins));   // -2^63 | 1, 171 · 2^32 | 2
    }

    [Fact]
    public void A_stored_histogram_adds_to_new_runs_bin_by_bin()
    {
        // Stored: the zero bin once, bin −5 (a run of ~0.9 s) three times, bin 171 twice; new: bin 171 once, bin 200 four times.
        var stored = new[] { (long)RuntimeSketch.ZeroBin << 32 | 1, -5L << 32 | 3, 171L << 32 | 2 };
        var bins = new SortedDictionary<int, long> { [171] = 1, [200] = 4 };

        RuntimeSketch.AddStored(bins, stored);

        Assert.Equal(Bins((RuntimeSketch.ZeroBin, 1), (-5, 3), (171, 3), (200, 4)), bins.ToArray());
        Assert.Equal("{-9223372036854775807,-21474836477,734439407619,858993459204}", RuntimeSketch.ToSqlArray(bins));
    }

    [Fact]
    public void A_bin_of_2_to_the_32_runs_or_more_is_stored_as_several_elements_that_add_back_up()
    {
        var huge = (1L << 33) + 5; // two full elements of 2^32 − 1 runs, and 7 runs
        var bins = new SortedDictionary<int, long> { [-5] = 1, [0] = huge, [RuntimeSketch.ZeroBin] = uint.MaxValue };

        var literal = RuntimeSketch.ToSqlArray(bins);

        Assert.Equal("{-9223372032559808513,-21474836479,4294967295,4294967295,7}", literal);
        var readBack = new SortedDictionary<int, long>();
        RuntimeSketch.AddStored(readBack, literal.Trim('{', '}').Split(',').Select(long.Parse).ToArray());
        Assert.Equal(bins, readBack);
    }

    [Fact]
    public void An_agent_is_first_seen_at_its_earliest_event_whatever_the_arrival_order()
    {
        var rollups = RunRollups.From(
        [
            Run("2026-11-02T12:00:00"),
            Run("2026-11-02T09:00:00"),
            Created("2026-11-02T10:00:00", "Invoice Bot"),
        ]);

        Assert.Equal(At("2026-11-02T09:00:00"), rollups.KnownAgents[("ws_1", "ag_1")].FirstSeenAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_agent_keeps_the_name_of_its_latest_event_whatever_the_arrival_order(bool reversed)
    {
        ExecutionEvent[] events =
        [
            Run("2026-11-02T09:00:00", agentName: "Invoice Bot"),
            Run("2026-11-02T12:00:00", agentName: "Invoice Bot v2"),
        ];

        var rollups = RunRollups.From(reversed ? events.Reverse() : events);

        var agent = rollups.KnownAgents[("ws_1", "ag_1")];
        Assert.Equal("Invoice Bot v2", agent.Name);
        Assert.Equal(At("2026-11-02T12:00:00"), agent.NamedAt);
        Assert.Equal(At("2026-11-02T09:00:00"), agent.FirstSeenAt);
    }

    [Fact]
    public void A_late_agent_created_does_not_overwrite_a_later_name()
    {
        var rollups = RunRollups.From(
        [
            Run("2026-11-02T12:00:00", agentName: "Renamed Bot"),
            Created("2026-11-02T08:00:00", "Invoice Bot"),
        ]);

        Assert.Equal(new AgentSighting(At("2026-11-02T08:00:00"), "Renamed Bot", At("2026-11-02T12:00:00")),
            rollups.KnownAgents[("ws_1", "ag_1")]);
    }

    [Fact]
    public void A_run_without_a_name_keeps_the_known_name()
    {
        var rollups = RunRollups.From(
        [
            Created("2026-11-02T08:00:00", "Invoice Bot"),
            Run("2026-11-02T12:00:00", agentName: null),
        ]);

        Assert.Equal(new AgentSighting(At("2026-11-02T08:00:00"), "Invoice Bot", At("2026-11-02T08:00:00")),
            rollups.KnownAgents[("ws_1", "ag_1")]);
    }

    [Fact]
    public void The_earliest_event_is_kept_per_workspace_and_for_the_platform()
    {
        var earliest = RunRollups.EarliestEvents(
        [
            Run("2026-11-02T12:00:00", workspace: "ws_1"),
            Run("2026-11-02T09:00:00", workspace: "ws_1"),
            Run("2026-11-02T10:00:00", workspace: "ws_2"),
            Created("2026-11-02T07:00:00", "Helper", workspace: "ws_3", agent: "ag_9"),
        ]);

        Assert.Equal(
            new Dictionary<string, DateTime>
            {
                ["ws_1"] = At("2026-11-02T09:00:00"),
                ["ws_2"] = At("2026-11-02T10:00:00"),
                ["ws_3"] = At("2026-11-02T07:00:00"),
                ["*"] = At("2026-11-02T07:00:00"),
            },
            earliest);
    }
}
