using System.Net;
using System.Net.Http.Json;
using ExecutiveDashboard.Contracts.Signals;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>
/// <c>POST /api/executions/signals</c>, the alert rules' inputs for many scopes at once, against hand-computed values. asOf 11-28T12:00:
/// last hour [11:00, 12:00), the week before it [11-21T11:00, 11-28T11:00), the last day [11-27T12:00, 11-28T12:00),
/// the day before [11-26T12:00, 11-27T12:00).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SignalsTests(ExecutionsServersFixture servers)
{
    private const string AsOf = "2026-11-28T12:00:00Z";

    [Fact]
    public async Task Signals_sum_the_windows_the_rules_need()
    {
        await using var service = servers.NewService();
        using (var response = await service.Ingest.PostAsync("/api/executions/events", Batch(
            Run("r1", "ws_s", "ag", "u", "succeeded", At("2026-11-28T11:10:00Z"), 10, 1m),
            Run("r2", "ws_s", "ag", "u", "failed", At("2026-11-28T11:20:00Z"), 20, 2m),
            Run("r3", "ws_s", "ag", "u", "failed", At("2026-11-28T11:59:59Z"), 30, 3m),
            Run("r4", "ws_s", "ag", "u", "succeeded", At("2026-11-28T10:30:00Z"), 40, 4m),
            Run("r5", "ws_s", "ag", "u", "failed", At("2026-11-25T00:00:00Z"), 50, 5m),
            Run("r6", "ws_s", "ag", "u", "succeeded", At("2026-11-21T10:59:00Z"), 60, 100m),  // before the week
            Run("r7", "ws_s", "ag", "u", "succeeded", At("2026-11-27T00:00:00Z"), 10, 1m),
            Run("r8", "ws_s", "ag", "u", "succeeded", At(AsOf), 10, 1000m),                    // at asOf: excluded
            Run("t1", "ws_t", "ag", "u", "failed", At("2026-11-28T11:30:00Z"), 10, 7m))))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // One request for two workspaces, the platform and a workspace without runs.
        var read = await SignalsAsync(service.Ceo, AsOf, "ws_s", "ws_t", "all", "ws_none");
        Assert.Equal(["all", "ws_none", "ws_s", "ws_t"], read.Keys.Order());
        var s = read["ws_s"];
        Assert.Equal(At("2026-11-21T10:59:00Z"), s.EarliestEventAt);
        Assert.Equal((3L, 2L, 6m), (s.RunsLastHour, s.FailedRunsLastHour, s.CreditsLastHour));   // r1 r2 r3
        Assert.Equal(10m, s.CreditsPreviousWeek);                                                 // r4 4 + r5 5 + r7 1
        Assert.Equal((4L, 2L, 1L, 1L), (s.RunsLast24h, s.SucceededLast24h, s.RunsPrevious24h, s.SucceededPrevious24h));
        // percentile_cont(0.95) of 10, 20, 30, 40 = 38.5; of 10 alone = 10 (estimates within 2 %).
        Assert.InRange(s.P95RuntimeLast24h!.Value, 38.5 * 0.98, 38.5 * 1.02);
        Assert.InRange(s.P95RuntimePrevious24h!.Value, 10 * 0.98, 10 * 1.02);

        var t = read["ws_t"];
        Assert.Equal((1L, 1L, 7m, 0m, 1L, 0L), (t.RunsLastHour, t.FailedRunsLastHour, t.CreditsLastHour, t.CreditsPreviousWeek, t.RunsLast24h, t.SucceededLast24h));
        Assert.InRange(t.P95RuntimeLast24h!.Value, 10 * 0.98, 10 * 1.02);
        Assert.Null(t.P95RuntimePrevious24h);

        var platform = read["all"];
        Assert.Equal((4L, 3L, 13m), (platform.RunsLastHour, platform.FailedRunsLastHour, platform.CreditsLastHour));
        Assert.Equal((5L, 2L, 1L, 1L), (platform.RunsLast24h, platform.SucceededLast24h, platform.RunsPrevious24h, platform.SucceededPrevious24h));
        Assert.Equal(At("2026-11-21T10:59:00Z"), platform.EarliestEventAt);

        // Read alone, a scope gives what it gave among others.
        Assert.Equal(s, (await SignalsAsync(service.Ceo, AsOf, "ws_s"))["ws_s"]);
        Assert.Equal(platform, (await SignalsAsync(service.Ceo, AsOf, "all"))["all"]);

        var empty = read["ws_none"];
        Assert.Equal((0L, (DateTime?)null, (double?)null), (empty.RunsLastHour, empty.EarliestEventAt, empty.P95RuntimeLast24h));
        Assert.Null(s.Daily);

        // With days = 1: the 30 days before 11-27T12:00 and before asOf, for the goals.
        using var daily = await service.Ceo.PostAsJsonAsync("/api/executions/signals", new { scopes = new[] { "ws_s", "all" }, asOf = AsOf, days = 1 });
        var withDays = (await daily.Content.ReadFromJsonAsync<Dictionary<string, ExecutionSignals>>())!;
        // [10-28T12, 11-27T12): r5 r6 r7, 2 succeeded; [10-29T12, 11-28T12): r1 … r7, 4 succeeded (r8 at asOf is out).
        Assert.Equal([new RunWindow(At("2026-11-27T12:00:00Z"), 3, 2), new RunWindow(At(AsOf), 7, 4)], withDays["ws_s"].Daily!);
        // The platform adds t1, failed within the last day.
        Assert.Equal([new RunWindow(At("2026-11-27T12:00:00Z"), 3, 2), new RunWindow(At(AsOf), 8, 4)], withDays["all"].Daily!);
        // The rules' numbers are the same with or without days.
        Assert.Equal(s, withDays["ws_s"] with { Daily = null });
    }

    /// <summary>The goals' windows: 30 days ending at each instant, the start in and the end out, as the overview's 30d total.</summary>
    [Fact]
    public async Task The_daily_windows_are_the_30_days_before_each_instant()
    {
        await using var service = servers.NewService();
        using (var response = await service.Ingest.PostAsync("/api/executions/events", Batch(
            Run("d1", "ws_d", "ag", "u", "succeeded", At("2026-10-29T12:00:00Z"), 10, 1m),   // the first instant of the last window
            Run("d2", "ws_d", "ag", "u", "failed", At("2026-10-29T11:59:59Z"), 10, 1m),      // a second before it
            Run("d3", "ws_d", "ag", "u", "succeeded", At("2026-11-27T12:00:00Z"), 10, 1m),   // the end of the window before: out of it
            Run("d4", "ws_d", "ag", "u", "succeeded", At(AsOf), 10, 1m))))                   // at asOf: out
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using var daily = await service.Ceo.PostAsJsonAsync("/api/executions/signals", new { scopes = new[] { "ws_d" }, asOf = AsOf, days = 1 });
        var windows = (await daily.Content.ReadFromJsonAsync<Dictionary<string, ExecutionSignals>>())!["ws_d"].Daily!;
        // [10-28T12, 11-27T12): d1 and d2, one succeeded; [10-29T12, 11-28T12): d1 and d3, both succeeded.
        Assert.Equal([new RunWindow(At("2026-11-27T12:00:00Z"), 2, 1), new RunWindow(At(AsOf), 2, 2)], windows);
    }

    [Fact]
    public async Task The_p95s_compare_the_24_whole_hours_before_asOfs_hour_with_the_24_before_them()
    {
        await using var service = servers.NewService();
        using (var response = await service.Ingest.PostAsync("/api/executions/events", Batch(
            Run("h1", "ws_h", "ag", "u", "succeeded", At("2026-11-27T12:10:00Z"), 10, 1m),   // first whole hour of the last 24
            Run("h2", "ws_h", "ag", "u", "succeeded", At("2026-11-28T11:50:00Z"), 20, 1m),   // last whole hour
            Run("h3", "ws_h", "ag", "u", "succeeded", At("2026-11-28T12:10:00Z"), 900, 1m),  // asOf's own hour: not in the p95s
            Run("h4", "ws_h", "ag", "u", "succeeded", At("2026-11-27T11:59:00Z"), 40, 1m))))  // the 24 hours before
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var s = (await SignalsAsync(service.Ceo, "2026-11-28T12:30:00Z", "ws_h"))["ws_h"];

        // percentile_cont(0.95) of 10, 20 = 19.5; of 40 alone = 40 (estimates within 2 %). The run counts keep exact windows.
        Assert.InRange(s.P95RuntimeLast24h!.Value, 19.5 * 0.98, 19.5 * 1.02);
        Assert.InRange(s.P95RuntimePrevious24h!.Value, 40 * 0.98, 40 * 1.02);
        Assert.Equal((2L, 2L), (s.RunsLastHour, s.RunsLast24h));   // h2 and h3 both times (h1 is before 11-27T12:30)
    }

    [Fact]
    public async Task Runs_that_arrive_in_the_whole_hours_after_a_read_change_the_next_reads_p95s()
    {
        const string asOf = "2026-11-28T12:30:00Z";
        await using var service = servers.NewService();
        await IngestAsync(service,
            Run("k1", "ws_k", "ag", "u", "succeeded", At("2026-11-28T11:50:00Z"), 20, 1m),    // the last 24 whole hours
            Run("k2", "ws_k", "ag", "u", "succeeded", At("2026-11-27T11:30:00Z"), 40, 1m));   // the 24 before them
        foreach (var scope in (string[])["ws_k", "all"])
        {
            var first = (await SignalsAsync(service.Ceo, asOf, scope))[scope];
            Assert.InRange(first.P95RuntimeLast24h!.Value, 20 * 0.98, 20 * 1.02);
            Assert.InRange(first.P95RuntimePrevious24h!.Value, 40 * 0.98, 40 * 1.02);
        }

        // Late runs into hours of both windows that already had runs, then one in asOf's own hour (in neither).
        await IngestAsync(service,
            Run("k3", "ws_k", "ag", "u", "succeeded", At("2026-11-28T11:55:00Z"), 100, 1m),
            Run("k4", "ws_k", "ag", "u", "succeeded", At("2026-11-27T11:45:00Z"), 10, 1m));
        await IngestAsync(service, Run("k5", "ws_k", "ag", "u", "succeeded", At("2026-11-28T12:10:00Z"), 900, 1m));

        foreach (var scope in (string[])["ws_k", "all"])
        {
            // percentile_cont(0.95) of 20, 100 = 96; of 10, 40 = 38.5 (estimates within 2 %).
            var second = (await SignalsAsync(service.Ceo, asOf, scope))[scope];
            Assert.InRange(second.P95RuntimeLast24h!.Value, 96 * 0.98, 96 * 1.02);
            Assert.InRange(second.P95RuntimePrevious24h!.Value, 38.5 * 0.98, 38.5 * 1.02);
            Assert.Equal(second, (await SignalsAsync(service.Ceo, asOf, scope))[scope]);
        }

        // A late run into the earlier day alone: only its p95 moves. percentile_cont(0.95) of 10, 40, 70 = 67.
        await IngestAsync(service, Run("k6", "ws_k", "ag", "u", "succeeded", At("2026-11-27T11:40:00Z"), 70, 1m));
        foreach (var scope in (string[])["ws_k", "all"])
        {
            var third = (await SignalsAsync(service.Ceo, asOf, scope))[scope];
            Assert.InRange(third.P95RuntimeLast24h!.Value, 96 * 0.98, 96 * 1.02);
            Assert.InRange(third.P95RuntimePrevious24h!.Value, 67 * 0.98, 67 * 1.02);
        }
    }

    private static async Task IngestAsync(ExecutionsService service, params System.Text.Json.Nodes.JsonNode[] runs)
    {
        using var response = await service.Ingest.PostAsync("/api/executions/events", Batch(runs));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("service", "*", "ws_s", HttpStatusCode.OK)]
    [InlineData("admin", "ws_s", "ws_s", HttpStatusCode.OK)]
    [InlineData("admin", "ws_s", "all", HttpStatusCode.Forbidden)]
    [InlineData("member", "*", "ws_s", HttpStatusCode.Forbidden)]
    [InlineData("ingest", "*", "ws_s", HttpStatusCode.Forbidden)]
    public async Task Signals_are_for_dashboard_readers_and_services_within_their_workspaces(
        string role, string workspaces, string scope, HttpStatusCode expected)
    {
        await using var service = servers.NewService();
        using var response = await service.ClientFor(role, workspaces).PostAsJsonAsync("/api/executions/signals", new { scopes = new[] { scope }, asOf = AsOf });
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SignalsQuery.MaxScopes + 1)]
    public async Task A_query_without_scopes_or_with_too_many_is_a_problem_naming_the_field(int scopes)
    {
        await using var service = servers.NewService();
        using var response = await service.Ceo.PostAsJsonAsync("/api/executions/signals",
            new { scopes = Enumerable.Range(0, scopes).Select(i => $"ws_{i}").ToArray(), asOf = AsOf });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        Assert.NotNull(problem["errors"]!["scopes"]);
    }

    public static async Task<Dictionary<string, ExecutionSignals>> SignalsAsync(HttpClient client, string asOf, params string[] scopes)
    {
        using var response = await client.PostAsJsonAsync("/api/executions/signals", new { scopes, asOf });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, ExecutionSignals>>())!;
    }
}
