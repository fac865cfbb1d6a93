using System.Diagnostics;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Services;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The billing service is stopped in the middle of the test (Aspire's Stop command): the overview still answers,
/// names billing's sections in <c>meta.degraded</c> with their numbers <c>null</c> (docs/metrics.md), and the
/// executions and users sections are exactly what they were. Then billing starts again and the overview is whole.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class DegradedServiceTests(DashboardApp app, ITestOutputHelper output)
{
    private static readonly string Billing = ServiceCatalog.Billing.ResourceName;
    private const string Workspace = "hand_deg";

    // Three instants never read by any other test: before the stop, during it, after the restart. They are a second
    // apart and no event lies within a second of any window edge, so the numbers are the same at all three.
    private const string AsOf = "2026-03-01T12:00:00Z", StoppedAsOf = "2026-03-01T12:00:01Z", RestartedAsOf = "2026-03-01T12:00:02Z";

    private static readonly string[] BillingSections =
        [Sections.BusinessMetrics, Sections.MrrMovements, Sections.RevenueTrend];

    [Fact]
    public async Task Without_billing_the_overview_answers_with_billing_degraded_and_everything_else_intact()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", Workspace);

        await PostAsync(ingest, "/api/users/events",
            SignedUp("deg-u1", Workspace, "ud1", "2026-02-27T10:00:00Z", "Eve Deg"),
            Active("deg-u2", Workspace, "ud1", "2026-02-28T10:00:00Z"));
        await PostAsync(ingest, "/api/executions/events",
            Run("deg-r1", Workspace, "ag_d", "Deg Bot", "ud1", true, "2026-02-28T09:00:00Z", 30, 2.00m),
            Run("deg-r2", Workspace, "ag_d", "Deg Bot", "ud2", false, "2026-03-01T08:00:00Z", 10, 1.00m));
        await PostAsync(ingest, "/api/billing/events",
            SubscriptionStarted("deg-b1", Workspace, "2026-02-01T00:00:00Z", "pro", "month", 49.00m));

        // Before: every service answers. wau = {ud1, ud2 (through its run)}.
        var (before, _, settled) = await OverviewJson.ReadUntilAsync(ceo, Workspace, "7d", AsOf, a =>
            Degraded(a).Length == 0 && Long(a, "executionMetrics", "totalRuns") == 2
            && Long(a, "userMetrics", "wau") == 2 && a["businessMetrics"]!["mrr"]?.GetValue<decimal>() == 49m, TimeSpan.FromSeconds(5));
        Assert.True(settled, $"the ingest did not settle: {before.ToJsonString()}");
        Assert.Equal(1, Long(before, "businessMetrics", "activeWorkspaces"));
        Assert.Equal(2, Long(before, "executionMetrics", "totalRuns"));

        try
        {
            foreach (var failure in await app.StopAsync(Billing, timeout.Token))
            {
                output.WriteLine(failure);
            }

            // The gateway waits at most 3 s per service; the answer must come, whatever it took (not asserted).
            var clock = Stopwatch.StartNew();
            var during = await OverviewJson.ReadAsync(ceo, Workspace, "7d", StoppedAsOf);
            output.WriteLine($"overview without billing answered in {clock.ElapsedMilliseconds} ms");

            Assert.Equal(BillingSections, Degraded(during));
            Assert.False(during["meta"]!["cached"]!.GetValue<bool>());
            Assert.Equal(StoppedAsOf, during["period"]!["end"]!.GetValue<string>());

            // Billing's sections are present and empty, every number null; activeWorkspaces comes from the users service.
            var business = during["businessMetrics"]!.AsObject();
            Assert.Null(business["mrr"]);
            foreach (var (field, value) in business)
            {
                if (field == "activeWorkspaces")
                {
                    Assert.Equal(1, value!.GetValue<long>());
                }
                else
                {
                    Assert.True(value is null, $"businessMetrics.{field} = {value?.ToJsonString()} while billing is down");
                }
            }
            Assert.All(during["mrrMovements"]!.AsObject(), m => Assert.True(m.Value is null, $"mrrMovements.{m.Key} = {m.Value?.ToJsonString()}"));
            Assert.Empty(during["trends"]!["revenue"]!.AsArray());

            // The executions and users sections are exactly what they were before the stop.
            var differences = new List<string>();
            foreach (var section in new[] { "userMetrics", "executionMetrics", "agentMetrics", "topUsers", "activeAlerts" })
            {
                differences.AddRange(OverviewJson.Diff(before[section], during[section], section));
            }
            foreach (var series in new[] { "execution", "users", "errors" })
            {
                differences.AddRange(OverviewJson.Diff(WithoutTimestamps(before["trends"]![series]!), WithoutTimestamps(during["trends"]![series]!), $"trends.{series}"));
            }
            Assert.True(differences.Count == 0, "sections changed while billing was down:\n" + string.Join("\n", differences));
            Assert.True(Long(during, "executionMetrics", "totalRuns") == 2 && Long(during, "userMetrics", "wau") == 2);
        }
        finally
        {
            await app.StartAsync(Billing, timeout.Token);
        }

        // Back: a new read is whole again (a degraded answer is never cached, so nothing stale can be served).
        var (after, elapsed, whole) = await OverviewJson.ReadUntilAsync(ceo, Workspace, "7d", RestartedAsOf,
            a => Degraded(a).Length == 0, TimeSpan.FromSeconds(30));
        output.WriteLine($"billing answered again {elapsed.TotalMilliseconds:F0} ms after it was healthy");
        Assert.True(whole, $"still degraded after billing came back: {after["meta"]!["degraded"]!.ToJsonString()}");
        Assert.Equal(49m, after["businessMetrics"]!["mrr"]!.GetValue<decimal>());
        Assert.Equal(588m, after["businessMetrics"]!["arr"]!.GetValue<decimal>()); // 49 × 12
        Assert.Equal(1, Long(after, "businessMetrics", "paidWorkspaces"));
        Assert.Equal(7 * 4, after["trends"]!["revenue"]!.AsArray().Count);
    }

    private static string[] Degraded(JsonObject answer) =>
        answer["meta"]!["degraded"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray();

    private static long? Long(JsonObject answer, string section, string field) => answer[section]?[field]?.GetValue<long>();

    private static JsonArray WithoutTimestamps(JsonNode series)
    {
        var copy = series.DeepClone().AsArray();
        foreach (var point in copy)
        {
            point!.AsObject().Remove("timestamp");
        }
        return copy;
    }
}
