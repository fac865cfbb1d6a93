using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using Xunit.Abstractions;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// Two alerts replicas, each with its timer ticking every second, and the consumer of MetricsChanged on one of them,
/// all evaluate the same scope while a burst of failed runs is fresh: the alert is raised once. Browsers connected to
/// either gateway replica (the proxy spreads the sockets) each get the runs' lines and that one alert, each once: every
/// gateway replica binds live queues of its own.
/// </summary>
[Collection(ReplicatedDashboardAppCollection.Name)]
public sealed class ReplicatedAlertsTests(ReplicatedDashboardApp app, ITestOutputHelper output)
{
    private const string Workspace = "hand_replicas";
    private const int Sockets = 4;

    /// <summary>How long the test keeps listening after the alert: several ticks of both timers, in which a second
    /// alert or a second frame would show. A window for duplicates to appear, not a timing that is asserted.</summary>
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_burst_of_failed_runs_raises_one_alert_and_every_browser_on_either_gateway_replica_sees_each_frame_once()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ingest = await app.SignInAsync("ingest", "*");
        var ceo = await app.SignInAsync("ceo", Workspace);
        var sockets = new List<LiveSocket>();
        try
        {
            for (var i = 0; i < Sockets; i++)
            {
                var socket = await LiveSocket.ConnectAsync(app.Gateway.BaseAddress!, ceo.DefaultRequestHeaders.Authorization!.Parameter, cts.Token);
                sockets.Add(socket);
                await socket.SubscribeAsync(Workspace, cts.Token);
            }

            // 20 runs over the last 10 minutes, 6 failed: 30 % > 25 % with ≥ 20 runs, a critical high-error-rate alert.
            var now = DateTime.UtcNow;
            var runs = Enumerable.Range(0, 20)
                .Select(i => Run($"replicas-r{i}", Workspace, "ag_rep", "Replica Bot", "u_rep", succeeded: i >= 6, Iso(now.AddSeconds(-30 * (i + 1))), 5, 1.00m))
                .ToArray();
            await PostAsync(ingest, "/api/executions/events", runs);

            var feeds = await Task.WhenAll(sockets.Select(socket => FeedAsync(socket, cts.Token)));

            var ids = runs.Select(r => (string?)r["eventId"]).ToHashSet();
            for (var i = 0; i < feeds.Length; i++)
            {
                var activity = feeds[i].Where(f => (string?)f["event"] == "activity").ToList();
                output.WriteLine($"socket {i}: {activity.Count} activity frames, {activity.Count(IsRun)} of runs");
                // The feed samples runs (20 lines a second per subscription), so not every run shows; those that do are
                // ours, and each shows once. The alert is never sampled: once.
                Assert.Contains(activity, IsRun);
                Assert.All(activity.Where(IsRun), f => Assert.Contains((string?)f["id"], ids));
                Assert.Equal(activity.Count, activity.Select(f => (string?)f["id"]).Distinct().Count());
                var alert = Assert.Single(activity, f => (string?)f["kind"] == "alert.triggered");
                Assert.Equal("Critical alert: 30 % of runs failed in the last hour (6 of 20), above the 25 % threshold.", (string?)alert["text"]);
            }

            // Every alert of the scope, active or resolved: one.
            var all = (await ceo.GetFromJsonAsync<JsonArray>($"/api/alerts?workspace_id={Workspace}&state=all", cts.Token))!;
            var only = Assert.Single(all)!;
            Assert.Equal(("high-error-rate", "critical"), (only["type"]!.GetValue<string>(), only["severity"]!.GetValue<string>()));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    private static bool IsRun(JsonObject frame) => (string?)frame["kind"] is "run.succeeded" or "run.failed";

    /// <summary>The frames until the alert has come (or a minute has passed: the assertions then say what came), then
    /// those of <see cref="Watch"/> more.</summary>
    private static async Task<List<JsonObject>> FeedAsync(LiveSocket socket, CancellationToken cancellationToken)
    {
        var frames = new List<JsonObject>();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            while (!frames.Any(f => (string?)f["kind"] == "alert.triggered"))
            {
                frames.Add(await ReceiveAsync(socket, patience.Token));
            }
            patience.CancelAfter(Watch);
            while (true)
            {
                frames.Add(await ReceiveAsync(socket, patience.Token));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return frames;
        }
    }

    private static async Task<JsonObject> ReceiveAsync(LiveSocket socket, CancellationToken cancellationToken) =>
        await socket.ReceiveAsync(cancellationToken)
        ?? throw new InvalidOperationException($"the gateway closed the socket: {socket.CloseStatus} {socket.CloseReason}");
}
