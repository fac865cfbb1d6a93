using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>The executions part of docs/metrics.md against hand-computed values, through the real API and database.</summary>
[Collection(ServersCollection.Name)]
public sealed class ExecutionMetricsTests(ExecutionsServersFixture servers) : ServiceTests<ExecutionsService>(servers)
{
    private const string AsOf = "2026-11-29T12:00:00Z";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // 7d ending at asOf: current [11-22T12:00, 11-29T12:00), previous [11-15T12:00, 11-22T12:00).
        using var response = await Service.Ingest.PostAsync("/api/executions/events", Batch(
            AgentCreated("a-A", "ws_hand", "ag_A", "Old name", At("2026-11-01T00:00:00Z")),
            Run("r1", "ws_hand", "ag_A", "u1", "succeeded", At("2026-11-28T10:00:10Z"), 10, 1.25m, agentName: "Invoice Bot"),
            Run("r2", "ws_hand", "ag_A", "u1", "failed", At("2026-11-28T10:30:00Z"), 20, 2.50m),
            Run("r3", "ws_hand", "ag_B", "u2", "succeeded", At("2026-11-29T11:59:59Z"), 30, 3.00m, agentName: "Mailer"),
            Run("r4", "ws_hand", "ag_B", "u2", "succeeded", At("2026-11-22T12:00:00Z"), 40, 0m),
            Run("r5", "ws_hand", "ag_C", "u3", "succeeded", At("2026-11-29T12:00:00Z"), 50, 9m), // at asOf: excluded
            Run("p1", "ws_hand", "ag_A", "u1", "succeeded", At("2026-11-20T08:00:00Z"), 5, 2m),
            Run("p2", "ws_hand", "ag_A", "u1", "failed", At("2026-11-22T11:59:59Z"), 15, 2m),
            Run("o1", "ws_other", "ag_X", "u9", "failed", At("2026-11-28T10:00:00Z"), 99, 100m)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Seven_days_match_hand_computed_values()
    {
        var o = await Service.OverviewAsync("ws_hand", "7d", AsOf);
        var m = o.ExecutionMetrics;

        Assert.Equal(At("2026-11-22T12:00:00Z"), o.Period.Start);
        Assert.Equal(4, m.TotalRuns);             // r1..r4; r5 sits at asOf (exclusive)
        Assert.Equal(3, m.SuccessfulRuns);
        Assert.Equal(1, m.FailedRuns);
        Assert.Equal(75, m.SuccessRate);          // 3 / 4
        Assert.Equal(25, m.AvgRuntime);           // (10 + 20 + 30 + 40) / 4
        Assert.Equal(6.75m, m.TotalCreditsUsed);  // 1.25 + 2.50 + 3.00 + 0
        Assert.Equal(100, m.TotalRunsChange);     // previous p1, p2: (4 − 2) / 2
        Assert.Equal(25, m.SuccessRateChange);    // 75 − 50 percentage points
        Assert.Equal(68.75, m.CreditsChange);     // (6.75 − 4) / 4
        // percentile_cont(0.95) of 10, 20, 30, 40: rank 0.95·3 = 2.85 → 30 + 0.85·10 = 38.5 (within 2 %).
        Assert.InRange(m.P95Runtime!.Value, 38.5 * 0.98, 38.5 * 1.02);
    }

    [Fact]
    public async Task Top_agents_break_ties_by_id_and_carry_the_latest_name()
    {
        var a = (await Service.OverviewAsync("ws_hand", "7d", AsOf)).AgentMetrics;

        Assert.Equal(2, a.TotalAgents);  // ag_A, ag_B; ag_C is first seen at asOf, not before it
        Assert.Equal(2, a.ActiveAgents);
        Assert.Collection(a.TopAgents,
            x => Assert.Equal(("ag_A", "ws_hand", "Invoice Bot", 2L, (double?)50, (double?)15), (x.Id, x.WorkspaceId, x.Name, x.Runs, x.SuccessRate, x.AvgRuntime)),
            x => Assert.Equal(("ag_B", "ws_hand", "Mailer", 2L, (double?)100, (double?)35), (x.Id, x.WorkspaceId, x.Name, x.Runs, x.SuccessRate, x.AvgRuntime)));
    }

    /// <summary>Agent ids are unique only within a workspace: at the platform scope the same id in two workspaces is two
    /// agents, each row with its own workspace, name and numbers; a workspace's rows all name that workspace.</summary>
    [Fact]
    public async Task Top_agents_name_their_workspace_and_the_same_id_in_two_workspaces_is_two_rows()
    {
        // The week before 2026-10-10, away from the other tests' runs (November).
        const string WeekEnd = "2026-10-10T00:00:00Z";
        using var response = await Service.Ingest.PostAsync("/api/executions/events", Batch(
            Run("wa1", "ws_a", "ag_1", "u1", "succeeded", At("2026-10-05T10:00:00Z"), 10, 1m, agentName: "Email Drafter"),
            Run("wa2", "ws_a", "ag_1", "u1", "succeeded", At("2026-10-06T10:00:00Z"), 20, 1m),
            Run("wa3", "ws_a", "ag_1", "u1", "succeeded", At("2026-10-07T10:00:00Z"), 30, 1m),
            Run("wa4", "ws_a", "ag_1", "u1", "failed", At("2026-10-08T10:00:00Z"), 40, 1m),
            Run("wb1", "ws_b", "ag_1", "u1", "succeeded", At("2026-10-05T11:00:00Z"), 5, 1m, agentName: "Drafter B"),
            Run("wb2", "ws_b", "ag_1", "u1", "failed", At("2026-10-06T11:00:00Z"), 15, 1m),
            Run("wb3", "ws_b", "ag_2", "u2", "succeeded", At("2026-10-07T11:00:00Z"), 7, 1m, agentName: "Mailer")));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var platform = (await Service.OverviewAsync("all", "7d", WeekEnd)).AgentMetrics;
        Assert.Equal(3, platform.ActiveAgents);
        Assert.Collection(platform.TopAgents,
            x => Assert.Equal(("ag_1", "ws_a", "Email Drafter", 4L, (double?)75, (double?)25), (x.Id, x.WorkspaceId, x.Name, x.Runs, x.SuccessRate, x.AvgRuntime)),
            x => Assert.Equal(("ag_1", "ws_b", "Drafter B", 2L, (double?)50, (double?)10), (x.Id, x.WorkspaceId, x.Name, x.Runs, x.SuccessRate, x.AvgRuntime)),
            x => Assert.Equal(("ag_2", "ws_b", "Mailer", 1L, (double?)100, (double?)7), (x.Id, x.WorkspaceId, x.Name, x.Runs, x.SuccessRate, x.AvgRuntime)));

        var workspace = (await Service.OverviewAsync("ws_b", "7d", WeekEnd)).AgentMetrics;
        Assert.Equal(2, workspace.ActiveAgents);
        Assert.Collection(workspace.TopAgents,
            x => Assert.Equal(("ag_1", "ws_b", "Drafter B", 2L, (double?)50, (double?)10), (x.Id, x.WorkspaceId, x.Name, x.Runs, x.SuccessRate, x.AvgRuntime)),
            x => Assert.Equal(("ag_2", "ws_b", "Mailer", 1L, (double?)100, (double?)7), (x.Id, x.WorkspaceId, x.Name, x.Runs, x.SuccessRate, x.AvgRuntime)));
    }

    [Fact]
    public async Task Top_users_count_runs_credits_and_last_activity()
    {
        var users = (await Service.OverviewAsync("ws_hand", "7d", AsOf)).TopUsers;

        Assert.Collection(users,
            u => Assert.Equal(("u1", 2L, 3.75m, At("2026-11-28T10:30:00Z")), (u.Id, u.Runs, u.CreditsUsed, u.LastActiveAt!.Value)),
            u => Assert.Equal(("u2", 2L, 3.00m, At("2026-11-29T11:59:59Z")), (u.Id, u.Runs, u.CreditsUsed, u.LastActiveAt!.Value)));
    }

    [Fact]
    public async Task Trends_have_28_six_hour_buckets_with_errors_per_bucket()
    {
        var o = await Service.OverviewAsync("ws_hand", "7d", AsOf);

        Assert.Equal(28, o.ExecutionTrend.Count);
        Assert.Equal(At("2026-11-22T12:00:00Z"), o.ExecutionTrend[0].Timestamp);
        Assert.Equal((1d, 1L, 0L), (o.ExecutionTrend[0].Value, o.ExecutionTrend[0].Successful!.Value, o.ExecutionTrend[0].Failed!.Value)); // r4
        Assert.Equal((2d, 1L, 1L), (o.ExecutionTrend[23].Value, o.ExecutionTrend[23].Successful!.Value, o.ExecutionTrend[23].Failed!.Value)); // r1, r2 in [11-28T06:00, 12:00)
        Assert.Equal(1d, o.ExecutionTrend[27].Value); // r3
        Assert.Equal(4d, o.ExecutionTrend.Sum(p => p.Value));
        Assert.Equal(50d, o.ErrorTrend[23].Value);   // 1 failed of 2
        Assert.Equal(0d, o.ErrorTrend[1].Value);     // no runs: 0
    }

    [Fact]
    public async Task An_unaligned_asOf_cuts_periods_to_the_millisecond()
    {
        // 24h ending 11:59:59.500 holds r3 (11:59:59) only.
        var o = await Service.OverviewAsync("ws_hand", "24h", "2026-11-29T11:59:59.500Z");
        Assert.Equal(1, o.ExecutionMetrics.TotalRuns);
        Assert.Equal(24, o.ExecutionTrend.Count);

        var justBefore = await Service.OverviewAsync("ws_hand", "24h", "2026-11-29T11:59:58.999Z");
        Assert.Equal(0, justBefore.ExecutionMetrics.TotalRuns);
    }

    [Fact]
    public async Task No_runs_give_zero_counts_and_null_ratios()
    {
        var o = await Service.OverviewAsync("ws_empty", "30d", AsOf);
        var m = o.ExecutionMetrics;

        Assert.Equal((0L, 0L, 0L, 0m), (m.TotalRuns!.Value, m.SuccessfulRuns!.Value, m.FailedRuns!.Value, m.TotalCreditsUsed!.Value));
        Assert.Null(m.SuccessRate);
        Assert.Null(m.AvgRuntime);
        Assert.Null(m.P95Runtime);
        Assert.Null(m.TotalRunsChange);    // previous period 0
        Assert.Null(m.SuccessRateChange);
        Assert.Empty(o.AgentMetrics.TopAgents);
        Assert.Equal(30, o.ExecutionTrend.Count);
    }

    [Fact]
    public async Task All_starts_at_the_earliest_event_and_has_no_changes()
    {
        var o = await Service.OverviewAsync("ws_hand", "all", AsOf);

        Assert.Equal(At("2026-11-01T00:00:00Z"), o.Period.Start); // the agent.created event
        Assert.Equal(6, o.ExecutionMetrics.TotalRuns);               // every run before asOf
        Assert.Null(o.ExecutionMetrics.TotalRunsChange);
        Assert.Null(o.ExecutionMetrics.CreditsChange);
        Assert.Equal(At("2026-10-26T00:00:00Z"), o.ExecutionTrend[0].Timestamp); // the Monday on or before Sunday Nov 1
    }

    [Fact]
    public async Task A_workspace_never_sees_another_and_the_platform_sees_all()
    {
        var hand = await Service.OverviewAsync("ws_hand", "7d", AsOf);
        Assert.DoesNotContain(hand.AgentMetrics.TopAgents, a => a.Id == "ag_X");
        Assert.DoesNotContain(hand.TopUsers, u => u.Id == "u9");

        var platform = await Service.OverviewAsync("all", "7d", AsOf);
        Assert.Equal(5, platform.ExecutionMetrics.TotalRuns); // 4 of ws_hand + 1 of ws_other
        Assert.Equal(106.75m, platform.ExecutionMetrics.TotalCreditsUsed);
    }
}
