using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The alert rules with their default settings, evaluated by the alerts service over the signals the real executions and
/// billing services compute from ingested events. The alerts service evaluates at the real now, so the events are placed
/// relative to it, each well inside its window (the last hour, the last 24 h, the 24 h before). Every expected message is
/// worked out by hand from the events.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class AlertRulesTests(DashboardApp app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The day before: 20 runs of 10 s, all succeeded. The last day: 20 runs of 20 s, 10 failed. Success rate
    /// 100 % → 50 %: 50 points ≥ 10. p95: every runtime of a day is in one bin of the 1 %-accurate sketch, valued
    /// 2γ^b / (γ + 1) with γ = 1.01 / 0.99: 10 s → bin 116 → 10.075 s, 20 s → bin 150 → 19.887 s, 1.97× ≥ 1.5. Then 1,000
    /// runs of 10 s succeed in the last day: 99 % success, and the 20 slow runs are above the 95th percentile.</summary>
    [Fact]
    public async Task Runs_that_fail_more_and_run_slower_than_the_day_before_raise_success_rate_drop_and_slow_runs_until_they_recover()
    {
        const string workspace = "hand_rules_runs";
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", workspace);
        var now = DateTime.UtcNow;

        await PostAsync(ingest, "/api/executions/events", [
            .. Runs(workspace, "before", now.AddHours(-36), 20, failed: 0, runtimeSeconds: 10, credits: 1.00m),
            .. Runs(workspace, "slow", now.AddHours(-3), 20, failed: 10, runtimeSeconds: 20, credits: 1.00m)]);

        var raised = await ActiveWhenAsync(ceo, workspace, alerts => alerts.Count == 2);
        Assert.Equal(
        [
            "slow-runs low: p95 runtime 19.89 s in the last 24 h, 1.97× the 10.08 s of the 24 h before.",
            "success-rate-drop medium: Success rate fell 50 points in 24 h: 50 % in the last 24 h against 100 % the 24 h before.",
        ], raised);

        foreach (var batch in Runs(workspace, "recovery", now.AddHours(-4), 1_000, failed: 0, runtimeSeconds: 10, credits: 0.10m).Chunk(500))
        {
            await PostAsync(ingest, "/api/executions/events", batch);
        }
        Assert.Empty(await ActiveWhenAsync(ceo, workspace, alerts => alerts.Count == 0));
        Assert.Equal(["slow-runs", "success-rate-drop"], await ResolvedAsync(ceo, workspace));
    }

    /// <summary>MRR 100.00 since three days, cut to 40.00 an hour ago: 60 % below the day before, ≥ 5 %. Back to 100.00:
    /// no drop.</summary>
    [Fact]
    public async Task A_cut_subscription_raises_mrr_drop_and_its_recovery_resolves_it()
    {
        const string workspace = "hand_rules_mrr";
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", workspace);
        var now = DateTime.UtcNow;

        await PostAsync(ingest, "/api/billing/events",
            SubscriptionStarted("rules-mrr-1", workspace, Iso(now.AddDays(-3)), "team", "month", 100.00m),
            SubscriptionChanged("rules-mrr-2", workspace, Iso(now.AddHours(-1)), "pro", "month", 40.00m));

        Assert.Equal(["mrr-drop high: MRR fell 60 % in 24 h, from $100.00 to $40.00."],
            await ActiveWhenAsync(ceo, workspace, alerts => alerts.Count > 0));

        await PostAsync(ingest, "/api/billing/events",
            SubscriptionChanged("rules-mrr-3", workspace, Iso(DateTime.UtcNow.AddSeconds(-2)), "team", "month", 100.00m));
        Assert.Empty(await ActiveWhenAsync(ceo, workspace, alerts => alerts.Count == 0));
        Assert.Equal(["mrr-drop"], await ResolvedAsync(ceo, workspace));
    }

    /// <summary>History: 10 runs of 1 credit 30 h ago, so the workspace is older than the 24 h the spike rule needs and its
    /// hourly mean is 10 credits over the ~29 h it has existed before the last hour (about 0.34). The last hour: 20 runs of
    /// 5 credits, 10 failed: 100 credits, far above 3 × the mean; 50 % failed over at least 20 runs, above 25 %; and
    /// the day's success rate 50 % against 100 % the day before.</summary>
    [Fact]
    public async Task A_failing_hour_that_burns_credits_raises_credit_spike_and_high_error_rate()
    {
        const string workspace = "hand_rules_credits";
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", workspace);
        var now = DateTime.UtcNow;

        await PostAsync(ingest, "/api/executions/events", [
            .. Runs(workspace, "history", now.AddHours(-30), 10, failed: 0, runtimeSeconds: 10, credits: 1.00m),
            .. Runs(workspace, "spike", now.AddMinutes(-30), 20, failed: 10, runtimeSeconds: 10, credits: 5.00m)]);

        var raised = await ActiveWhenAsync(ceo, workspace, alerts => alerts.Count == 3);
        Assert.Equal(3, raised.Count);
        Assert.StartsWith("credit-spike medium: 100 credits used in the last hour, ", raised[0]);
        Assert.Equal("high-error-rate critical: 50 % of runs failed in the last hour (10 of 20), above the 25 % threshold.", raised[1]);
        Assert.Equal("success-rate-drop medium: Success rate fell 50 points in 24 h: 50 % in the last 24 h against 100 % the 24 h before.", raised[2]);
    }

    /// <summary><paramref name="count"/> runs of one workspace a second apart from <paramref name="from"/>, the first
    /// <paramref name="failed"/> of them failed.</summary>
    private static JsonObject[] Runs(string workspace, string prefix, DateTime from, int count, int failed, int runtimeSeconds, decimal credits) =>
        Enumerable.Range(0, count).Select(i => Run($"rules-{workspace}-{prefix}-{i}", workspace, "ag_rules", "Rules Bot", "u_rules",
            succeeded: i >= failed, Iso(from.AddSeconds(i)), runtimeSeconds, credits)).ToArray();

    /// <summary>The workspace's active alerts as "rule severity: message", by rule, once <paramref name="done"/> holds (or
    /// after <see cref="Patience"/>, for the assertion to show what there was).</summary>
    private static async Task<List<string>> ActiveWhenAsync(HttpClient ceo, string workspace, Func<List<string>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var alerts = (await AlertsAsync(ceo, workspace, "active")).Select(a => $"{a["type"]} {a["severity"]}: {a["message"]}").ToList();
            if (done(alerts) || clock.Elapsed > Patience)
            {
                return alerts;
            }
            await Task.Delay(200);
        }
    }

    private static async Task<List<string>> ResolvedAsync(HttpClient ceo, string workspace) =>
        (await AlertsAsync(ceo, workspace, "resolved")).Select(a => (string)a["type"]!).ToList();

    private static async Task<List<JsonObject>> AlertsAsync(HttpClient ceo, string workspace, string state) =>
        (await ceo.GetFromJsonAsync<JsonArray>($"/api/alerts?workspace_id={workspace}&state={state}"))!
            .Select(a => a!.AsObject()).OrderBy(a => (string)a["type"]!, StringComparer.Ordinal).ToList();
}
