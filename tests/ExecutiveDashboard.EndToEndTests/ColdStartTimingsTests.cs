using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.TestSupport;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// What a user meets first after the services start, against what they meet once the services are warm: the
/// platform's and a workspace's overview, the feed line and the <c>metrics_update</c> of a run after its <c>202</c>, and
/// the alert a burst of failed runs raises. Every service behind the gateway and the gateway itself are stopped and
/// started (Aspire's commands, as the dashboard's buttons do), then one round is timed, then three more. The times are
/// printed, never asserted (a shared machine's wall clock says nothing about the code), each from the request's start (the
/// frames of a run can come before its <c>202</c> has been read), and so are the sections an overview named degraded (a
/// service that did not answer within the gateway's timeout); what is asserted is that each round's overviews answer and
/// its frames and alert arrive.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ColdStartTimingsTests(DashboardApp app, ITestOutputHelper output)
{
    private const int Restarts = 3;
    private const int WarmRounds = 3;

    /// <summary>Started stage by stage, as the app model's WaitFor orders them (a start waits for what it waits for).</summary>
    private static readonly string[][] Stages =
    [
        [ServiceCatalog.Executions.ResourceName, ServiceCatalog.Users.ResourceName, ServiceCatalog.Billing.ResourceName],
        [ServiceCatalog.Alerts.ResourceName],
        [ServiceCatalog.Gateway],
    ];

    [Fact]
    public async Task The_first_overview_frames_and_alert_after_a_start_arrive_and_their_times_are_printed()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        for (var restart = 1; restart <= Restarts; restart++)
        {
            var clock = Stopwatch.StartNew();
            var stops = await Task.WhenAll(Stages.SelectMany(s => s).Select(r => app.StopAsync(r, cts.Token)));
            foreach (var failure in stops.SelectMany(f => f))
            {
                output.WriteLine(failure);
            }
            foreach (var stage in Stages)
            {
                await Task.WhenAll(stage.Select(r => app.StartAsync(r, cts.Token)));
            }
            output.WriteLine($"restart {restart}: every service healthy {clock.ElapsedMilliseconds} ms after the stop");

            for (var round = 0; round <= WarmRounds; round++)
            {
                var t = await RoundAsync($"cold_{restart}_{round}", cts.Token);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"restart {restart} {(round == 0 ? "cold  " : $"warm {round}")}: overview platform {t.Platform.Milliseconds:F0} ms " +
                    $"(degraded: {t.Platform.Degraded}), workspace {t.Workspace.Milliseconds:F0} ms (degraded: {t.Workspace.Degraded}); " +
                    $"run → activity {t.Activity:F0} ms, → metrics_update {t.MetricsUpdate:F0} ms; burst → alert {t.Alert:F0} ms"));
            }
        }
    }

    private sealed record Timings(Overview Platform, Overview Workspace, double Activity, double MetricsUpdate, double Alert);

    /// <param name="Degraded">The sections the answer named degraded, or "none".</param>
    private sealed record Overview(double Milliseconds, string Degraded);

    /// <summary>One round on a workspace of its own (nothing of it is cached or evaluated before), at an <c>asOf</c> of its
    /// own for the platform's overview (no answer of it is cached either).</summary>
    private async Task<Timings> RoundAsync(string workspace, CancellationToken cancellationToken)
    {
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", "*");
        var asOf = Iso(DateTime.UtcNow);

        var platform = await TimedOverviewAsync(ceo, "all", asOf, cancellationToken);
        var own = await TimedOverviewAsync(ceo, workspace, asOf, cancellationToken);

        await using var live = await LiveSocket.ConnectAsync(app.Gateway.BaseAddress!, ceo.DefaultRequestHeaders.Authorization!.Parameter, cancellationToken);
        await live.SubscribeAsync(workspace, cancellationToken);
        var now = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await PostAsync(ingest, "/api/executions/events",
            Run($"{workspace}-first", workspace, "ag_cold", "Cold Bot", "u_cold", true, Iso(now.AddSeconds(-1)), 2, 1.00m));
        double? activity = null, update = null;
        while (activity is null || update is null)
        {
            var frame = await live.ReceiveAsync(cancellationToken)
                ?? throw new InvalidOperationException($"the gateway closed the socket: {live.CloseStatus} {live.CloseReason}");
            if ((string?)frame["event"] == "activity" && (string?)frame["id"] == $"{workspace}-first")
            {
                activity ??= clock.Elapsed.TotalMilliseconds;
            }
            else if ((string?)frame["event"] == "metrics_update")
            {
                update ??= clock.Elapsed.TotalMilliseconds;
            }
        }

        // 20 more runs over the last 10 minutes, 6 failed: 6 of 21 (29 %) > 25 % with ≥ 20 runs.
        clock.Restart();
        await PostAsync(ingest, "/api/executions/events", Enumerable.Range(0, 20)
            .Select(i => Run($"{workspace}-burst{i}", workspace, "ag_cold", "Cold Bot", "u_cold", succeeded: i >= 6,
                Iso(now.AddSeconds(-30 * (i + 1))), 5, 1.00m))
            .ToArray());
        while (true)
        {
            var frame = await live.ReceiveAsync(cancellationToken)
                ?? throw new InvalidOperationException($"the gateway closed the socket: {live.CloseStatus} {live.CloseReason}");
            if ((string?)frame["kind"] == "alert.triggered")
            {
                Assert.Equal(workspace, (string?)frame["workspaceId"]);
                break;
            }
        }
        return new Timings(platform, own, activity.Value, update.Value, clock.Elapsed.TotalMilliseconds);
    }

    private static async Task<Overview> TimedOverviewAsync(HttpClient ceo, string scope, string asOf, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await ceo.GetAsync($"/api/executive/overview?workspace_id={scope}&timeframe=24h&asOf={asOf}", cancellationToken);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var degraded = JsonNode.Parse(body)!["meta"]!["degraded"]!.AsArray().Select(s => (string?)s).ToList();
        return new Overview(elapsed, degraded.Count == 0 ? "none" : string.Join(", ", degraded));
    }
}
