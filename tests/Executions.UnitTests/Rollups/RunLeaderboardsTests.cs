using ExecutiveDashboard.Executions.Model;
using ExecutiveDashboard.Executions.Rollups;
using static ExecutiveDashboard.Executions.UnitTests.Utc;

namespace ExecutiveDashboard.Executions.UnitTests.Rollups;

public class RunLeaderboardsTests
{
    private static readonly DateTime Start = At("2026-11-02T00:00:00");
    private static readonly DateTime End = At("2026-11-03T00:00:00");

    private static LeaderboardRun Run(string completedAt, string agent = "ag_1", string user = "u_1", string workspace = "ws_1",
        bool succeeded = true, double runtimeSeconds = 10, decimal credits = 1m) =>
        new(workspace, agent, user, succeeded, At(completedAt), runtimeSeconds, credits);

    private static RunLeaderboards With(params LeaderboardRun[] runs)
    {
        var boards = new RunLeaderboards();
        boards.Add(runs);
        return boards;
    }

    [Fact]
    public void No_runs_give_an_empty_leaderboard()
    {
        var board = new RunLeaderboards().Read(null, Start, End);

        Assert.Equal(0, board.ActiveAgents);
        Assert.Empty(board.TopAgents);
        Assert.Empty(board.TopUsers);
    }

    [Fact]
    public void An_agent_sums_runs_successes_and_runtime_of_the_window_only()
    {
        var board = With(
            Run("2026-11-01T23:59:59.999", runtimeSeconds: 100),              // before the window
            Run("2026-11-02T00:00:00", runtimeSeconds: 10.5),                 // at the start: in
            Run("2026-11-02T12:00:00", succeeded: false, runtimeSeconds: 20.25),
            Run("2026-11-02T23:59:59.999", runtimeSeconds: 30),
            Run("2026-11-03T00:00:00", runtimeSeconds: 100)                   // at the end: out
        ).Read("ws_1", Start, End);

        var agent = Assert.Single(board.TopAgents);
        Assert.Equal(new RankedAgent("ws_1", "ag_1", new RunTotals(3, 2, 60.75, 0)), agent);
        Assert.Equal(1, board.ActiveAgents);
    }

    [Fact]
    public void A_user_sums_runs_and_credits_and_keeps_the_last_completion_inside_the_window()
    {
        var board = With(
            Run("2026-11-02T09:00:00", credits: 1.25m),
            Run("2026-11-02T21:30:00.5", credits: 0.000001m),
            Run("2026-11-02T03:00:00", credits: 2m),
            Run("2026-11-03T01:00:00", credits: 50m)                          // after the window
        ).Read(null, Start, End);

        Assert.Equal(new UserRow("u_1", "ws_1", 3, 3.250001m, At("2026-11-02T21:30:00.5")), Assert.Single(board.TopUsers));
    }

    [Fact]
    public void Runs_arriving_out_of_order_give_the_same_board_as_in_order()
    {
        LeaderboardRun[] runs =
        [
            Run("2026-11-02T01:00:00", agent: "ag_1", user: "u_1", credits: 1m),
            Run("2026-11-02T02:00:00", agent: "ag_2", user: "u_2", credits: 2m, succeeded: false),
            Run("2026-11-02T03:00:00", agent: "ag_1", user: "u_2", credits: 3m),
            Run("2026-11-02T04:00:00", agent: "ag_1", user: "u_1", credits: 4m),
            Run("2026-11-02T04:00:00", agent: "ag_1", user: "u_1", credits: 5m),  // the same tick twice
            Run("2026-11-01T22:00:00", agent: "ag_2", user: "u_1", credits: 6m),
        ];
        var inOrder = With([.. runs.OrderBy(r => r.CompletedAt)]);
        var reversed = With([.. runs.OrderByDescending(r => r.CompletedAt)]);
        var window = (At("2026-11-02T01:30:00"), At("2026-11-02T04:00:00.0000001"));

        foreach (var boards in new[] { inOrder, reversed })
        {
            var board = boards.Read("ws_1", window.Item1, window.Item2);
            Assert.Equal(["ag_1", "ag_2"], board.TopAgents.Select(a => a.AgentId));
            Assert.Equal(new RunTotals(3, 3, 30, 0), board.TopAgents[0].Totals);
            Assert.Equal(new RunTotals(1, 0, 10, 0), board.TopAgents[1].Totals);
            Assert.Equal(
                [new UserRow("u_1", "ws_1", 2, 9m, At("2026-11-02T04:00:00")), new UserRow("u_2", "ws_1", 2, 5m, At("2026-11-02T03:00:00"))],
                board.TopUsers);
        }
    }

    [Fact]
    public void Ties_go_to_the_smaller_id_then_the_smaller_workspace()
    {
        var board = With(
            Run("2026-11-02T01:00:00", agent: "ag_b", user: "u_b", workspace: "ws_1"),
            Run("2026-11-02T01:00:00", agent: "ag_a", user: "u_a", workspace: "ws_2"),
            Run("2026-11-02T01:00:00", agent: "ag_a", user: "u_a", workspace: "ws_1"),
            Run("2026-11-02T01:00:00", agent: "ag_B", user: "u_B", workspace: "ws_3")   // ordinal: 'B' < 'a'
        ).Read(null, Start, End);

        Assert.Equal([("ag_B", "ws_3"), ("ag_a", "ws_1"), ("ag_a", "ws_2"), ("ag_b", "ws_1")],
            board.TopAgents.Select(a => (a.AgentId, a.WorkspaceId)));
        Assert.Equal([("u_B", "ws_3"), ("u_a", "ws_1"), ("u_a", "ws_2"), ("u_b", "ws_1")],
            board.TopUsers.Select(u => (u.Id, u.WorkspaceId)));
        Assert.Equal(4, board.ActiveAgents);   // the same agent id in two workspaces is two agents
    }

    [Fact]
    public void Only_ten_are_ranked_but_every_agent_that_ran_counts_as_active()
    {
        // Agent i runs i times in the window; agent 0 runs only before it.
        var runs = Enumerable.Range(0, 15).SelectMany(i => Enumerable.Range(0, i).Select(_ =>
            Run("2026-11-02T05:00:00", agent: $"ag_{i:D2}", user: $"u_{i:D2}"))).ToList();
        runs.Add(Run("2026-11-01T05:00:00", agent: "ag_00", user: "u_00"));

        var board = With([.. runs]).Read("ws_1", Start, End);

        Assert.Equal(14, board.ActiveAgents);
        Assert.Equal(Enumerable.Range(5, 10).Reverse().Select(i => $"ag_{i:D2}"), board.TopAgents.Select(a => a.AgentId));
        Assert.Equal(Enumerable.Range(5, 10).Reverse().Select(i => (long)i), board.TopUsers.Select(u => u.Runs));
    }

    [Fact]
    public void A_workspace_sees_only_its_own_agents_and_users()
    {
        var boards = With(
            Run("2026-11-02T01:00:00", agent: "ag_1", user: "u_1", workspace: "ws_1"),
            Run("2026-11-02T01:00:00", agent: "ag_2", user: "u_2", workspace: "ws_2"),
            Run("2026-11-02T02:00:00", agent: "ag_2", user: "u_2", workspace: "ws_2"));

        var one = boards.Read("ws_1", Start, End);
        Assert.Equal(["ag_1"], one.TopAgents.Select(a => a.AgentId));
        Assert.Equal(["u_1"], one.TopUsers.Select(u => u.Id));
        Assert.Empty(boards.Read("ws_unknown", Start, End).TopUsers);
        Assert.Equal(2, boards.Read(null, Start, End).ActiveAgents);
    }

    [Fact]
    public void A_series_grows_past_its_first_capacity_and_keeps_its_sums()
    {
        var series = new RunSeries(width: 1);
        for (var i = 999; i >= 0; i--)
        {
            series.Add(i * 10, [i]);
        }

        var window = series.Window(100, 200);   // ticks 100..190: i = 10..19
        Assert.Equal(10, window.Runs);
        Assert.Equal(Enumerable.Range(10, 10).Sum(), window.Sum(0));
        Assert.Equal(0, series.Window(200, 100).Runs);
    }

    [Fact]
    public void Sums_past_64_bits_stay_exact()
    {
        var series = new RunSeries(width: 1);
        for (var i = 0; i < 3; i++)
        {
            series.Add(i, [long.MaxValue]);
        }

        Assert.Equal(3 * (Int128)long.MaxValue, series.Window(0, 3).Sum(0));
        Assert.Equal(long.MaxValue, series.Window(1, 2).Sum(0));
    }

    [Fact]
    public void An_agent_whose_runs_each_ran_since_2000_keeps_an_exact_runtime()
    {
        // Valid runs (docs/events.md's bounds): 12,000 of them hold 1.02e19 µs, past a long's 9.2e18.
        var sinceEarliest = (Start - new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
        var boards = With([.. Enumerable.Repeat(Run("2026-11-02T12:00:00", runtimeSeconds: sinceEarliest), 12_000)]);

        var agent = Assert.Single(boards.Read("ws_1", Start, End).TopAgents);

        Assert.Equal(12_000 * sinceEarliest, agent.Totals.RuntimeSum);
        Assert.Equal(sinceEarliest, agent.Totals.AvgRuntime);
    }

    /// <summary>Series are passed over when their whole history has fewer runs than the tenth so far; the board of any
    /// window must still be exactly the one counted run by run, ties included (few ids, many equal counts).</summary>
    [Fact]
    public void The_board_of_any_window_is_the_one_counted_run_by_run()
    {
        var random = new Random(20261130);
        var runs = Enumerable.Range(0, 3_000).Select(_ => new LeaderboardRun($"ws_{random.Next(3)}", $"ag_{random.Next(40)}",
            $"u_{random.Next(200)}", random.Next(5) > 0, Start.AddMinutes(random.Next(60 * 24 * 20)), random.Next(1, 100), random.Next(50))).ToList();
        var boards = new RunLeaderboards();
        boards.Add(runs);

        for (var i = 0; i < 100; i++)
        {
            var from = Start.AddMinutes(random.Next(60 * 24 * 20));
            var to = from.AddMinutes(random.Next(1, 60 * 24 * 10));
            var workspace = i % 2 == 0 ? null : $"ws_{random.Next(3)}";
            var inWindow = runs.Where(r => (workspace is null || r.WorkspaceId == workspace) && r.CompletedAt >= from && r.CompletedAt < to).ToList();

            var board = boards.Read(workspace, from, to);

            Assert.Equal(inWindow.Select(r => (r.WorkspaceId, r.AgentId)).Distinct().Count(), board.ActiveAgents);
            Assert.Equal(
                Top(inWindow.GroupBy(r => (r.WorkspaceId, Id: r.AgentId))),
                board.TopAgents.Select(a => (a.WorkspaceId, a.AgentId, a.Totals.Runs)));
            Assert.Equal(
                Top(inWindow.GroupBy(r => (r.WorkspaceId, Id: r.UserId))),
                board.TopUsers.Select(u => (u.WorkspaceId, u.Id, u.Runs)));
        }

        static IEnumerable<(string, string, long)> Top(IEnumerable<IGrouping<(string WorkspaceId, string Id), LeaderboardRun>> groups) =>
            groups.Select(g => (g.Key.WorkspaceId, g.Key.Id, Runs: (long)g.Count()))
                .OrderByDescending(g => g.Runs).ThenBy(g => g.Id, StringComparer.Ordinal).ThenBy(g => g.WorkspaceId, StringComparer.Ordinal)
                .Take(RunLeaderboards.TopCount).ToList();
    }
}
