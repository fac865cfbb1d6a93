using System.Diagnostics.Metrics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>The WebSocket hub of docs/realtime.md on two real gateway replicas, fed by integration events
/// published on the real broker exactly as the services publish them.</summary>
public sealed class LiveUpdatesTests(RedisAndRabbitMqFixture servers, ITestOutputHelper output) : IClassFixture<RedisAndRabbitMqFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>No sampling and room for every frame: these tests count frames one by one.</summary>
    private static readonly Dictionary<string, string> Unsampled = new() { ["ActivityPerSecond"] = "1000000", ["SendQueueCapacity"] = "100000" };

    private readonly TestIssuer _key = GatewayReplica.NewIssuer();
    private GatewayReplica _one = null!, _two = null!;

    public Task InitializeAsync()
    {
        _one = new GatewayReplica(servers.Redis, servers.Broker, _key, Unsampled);
        _two = new GatewayReplica(servers.Redis, servers.Broker, _key, Unsampled);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
    }

    [Fact]
    public async Task The_upgrade_is_refused_without_a_dashboard_token()
    {
        using var cts = new CancellationTokenSource(Patience);
        var foreignKey = GatewayReplica.NewIssuer();

        Assert.Equal(HttpStatusCode.Unauthorized, await LiveSocket.UpgradeStatusAsync(_one.Address, null, cts.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await LiveSocket.UpgradeStatusAsync(_one.Address, Token(foreignKey, "ceo", "*"), cts.Token));
        Assert.Equal(HttpStatusCode.Forbidden, await LiveSocket.UpgradeStatusAsync(_one.Address, Token(_key, "member", "ws_a"), cts.Token));
        Assert.Equal(HttpStatusCode.Forbidden, await LiveSocket.UpgradeStatusAsync(_one.Address, Token(_key, "ingest", "*"), cts.Token));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await LiveSocket.UpgradeStatusAsync(_one.Address, Token(_key, "admin", "ws_a"), cts.Token));
    }

    [Theory]
    [InlineData("ws_b")]
    [InlineData("all")]
    public async Task A_scope_the_token_does_not_grant_is_refused_with_a_close_reason(string scope)
    {
        var (status, reason) = await RefusalAsync(Token(_key, "ceo", "ws_a ws_c"), $$"""{"subscribe":"{{scope}}"}""");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.Contains($"'{scope}'", reason);
    }

    [Fact]
    public async Task A_refused_scope_longer_than_a_close_reason_may_be_is_cut_not_crashed_on()
    {
        var scope = new string('w', 128); // the longest id; the reason quoting it is longer than a close frame's 123 bytes

        var (status, reason) = await RefusalAsync(Token(_key, "ceo", "ws_a"), $$"""{"subscribe":"{{scope}}"}""");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        Assert.StartsWith("this token may not see 'ww", reason);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(reason!), 100, 123);
    }

    /// <summary>Even a token that may see everything subscribes only to an id or <c>all</c>: never to the services' own key
    /// of the platform, a path or a control character.</summary>
    [Theory]
    [InlineData("*")]
    [InlineData("../..")]
    [InlineData("ws_a\\u0000")]
    [InlineData("ws\\r\\na")]
    [InlineData("éé")]
    public async Task A_scope_that_is_not_an_id_is_refused_with_a_close_reason(string scope)
    {
        var (status, reason) = await RefusalAsync(Token(_key, "ceo", "*"), $$"""{"subscribe":"{{scope}}"}""");

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, status);
        Assert.Contains("subscribe", reason);
    }

    [Fact]
    public async Task A_message_that_is_not_a_subscription_is_refused_with_a_close_reason()
    {
        var (status, reason) = await RefusalAsync(Token(_key, "ceo", "*"), "hello");

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, status);
        Assert.Contains("subscribe", reason);
    }

    /// <summary>Sends one message on a new socket and returns how the server closed it; fails if it sends a frame instead.</summary>
    private async Task<(WebSocketCloseStatus? Status, string? Reason)> RefusalAsync(string token, string message)
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var socket = await LiveSocket.ConnectAsync(_one.Address, token, cts.Token);
        await socket.SendAsync(message, cts.Token);
        Assert.Null(await socket.ReceiveAsync(cts.Token));
        return (socket.CloseStatus, socket.CloseReason);
    }

    [Fact]
    public async Task The_socket_closes_when_its_token_expires()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var socket = await LiveSocket.ConnectAsync(_one.Address, Token(_key, "ceo", "ws_a", TimeSpan.FromSeconds(2)), cts.Token);
        await socket.SubscribeAsync("ws_a", cts.Token);

        Assert.Null(await socket.ReceiveAsync(cts.Token));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal("token expired", socket.CloseReason);
    }

    [Fact]
    public async Task Every_replica_delivers_every_frame_and_a_workspace_sees_only_its_own()
    {
        using var cts = new CancellationTokenSource(Patience);
        var workspaces = Enumerable.Range(1, 20).Select(i => $"iso_{i}").ToArray();
        var clients = new List<(string Scope, LiveSocket Socket)>();
        foreach (var replica in new[] { _one, _two })
        {
            foreach (var scope in workspaces)
            {
                clients.Add((scope, await SubscribedAsync(replica, Token(_key, "ceo", scope), scope, cts.Token)));
            }
            clients.Add(("all", await SubscribedAsync(replica, Token(_key, "ceo", "*"), "all", cts.Token)));
        }

        var now = DateTime.UtcNow;
        var runs = Enumerable.Range(0, 10_000)
            .Select(i => Run($"iso-run-{i}", workspaces[i % workspaces.Length], succeeded: i % 7 != 0, now)).ToList();
        foreach (var batch in runs.Chunk(5_000))
        {
            await servers.Bus.Publish(new RunsCompleted(Guid.NewGuid(), batch), cts.Token);
        }
        await servers.Bus.Publish(new MetricsChangedBatch(
            workspaces.Select(scope => new MetricsChanged(scope, "executions", now, ["executionMetrics", "agentMetrics"])).ToList()), cts.Token);

        await Task.WhenAll(clients.Select(async client =>
        {
            var expected = runs.Where(r => client.Scope == "all" || r.WorkspaceId == client.Scope).Select(r => r.EventId).ToHashSet();
            var frames = await CollectAsync(client.Socket, seen =>
                seen.Count(f => Event(f) == "activity") == expected.Count && seen.Any(f => Event(f) == "metrics_update"), cts.Token);

            if (client.Scope != "all")
            {
                Assert.All(frames, f => Assert.Equal(client.Scope, (string?)f["workspaceId"]));
            }
            Assert.Equal(expected, frames.Where(f => Event(f) == "activity").Select(f => (string)f["id"]!).ToHashSet());
            var update = frames.First(f => Event(f) == "metrics_update");
            Assert.Equal(client.Scope, (string?)update["workspaceId"]);
            Assert.Contains("executionMetrics", update["sections"]!.AsArray().Select(s => (string?)s));
        }));

        foreach (var (_, socket) in clients)
        {
            await socket.DisposeAsync();
        }
    }

    /// <summary>The replica's clock stands still unless the test moves it, so every update is dated by it and the
    /// coalescing is seen frame by frame, whatever the broker's or the machine's pace.</summary>
    [Fact]
    public async Task Metrics_updates_of_a_burst_are_coalesced_and_name_every_changed_section()
    {
        using var cts = new CancellationTokenSource(Patience);
        var interval = TimeSpan.FromMilliseconds(250);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var start = clock.GetUtcNow().UtcDateTime;
        await using var replica = new GatewayReplica(servers.Redis, servers.Broker, _key,
            new Dictionary<string, string>(Unsampled) { ["MetricsUpdateInterval"] = interval.ToString() }, clock: clock);
        await using var socket = await SubscribedAsync(replica, Token(_key, "admin", "coal_1"), "coal_1", cts.Token);
        // The replica's own queue of metrics changes (LiveEndpoints), which takes every change, unlike the shared one.
        var consumed = new ConsumedMessages<MetricsChangedBatch>("gateway-live-metrics-");
        using var observing = replica.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        string[] sections = ["userMetrics", "executionMetrics", "businessMetrics", "activeAlerts", "trends.users"];

        for (var i = 0; i < 50; i++)
        {
            await servers.Bus.Publish(new MetricsChangedBatch([new MetricsChanged("coal_1", "users", DateTime.UtcNow, [sections[i % sections.Length]])]), cts.Token);
        }
        // The first change goes out at once; the other 49 wait for the interval's end, which never comes by itself.
        var first = await NextAsync(socket, cts.Token);
        await Poll.UntilAsync("the burst consumed", () => consumed.Count >= 50, Patience);
        clock.Advance(interval);
        var second = await NextAsync(socket, cts.Token);
        // After a quiet interval a change goes out at once again, and it is the very next frame: the burst left nothing behind.
        clock.Advance(interval);
        await servers.Bus.Publish(new MetricsChangedBatch([new MetricsChanged("coal_1", "users", DateTime.UtcNow, ["activeAlerts"])]), cts.Token);
        var third = await NextAsync(socket, cts.Token);

        // The consumer takes messages concurrently: the first update names whichever change it took first.
        var firstSection = Assert.Single(first["sections"]!.AsArray().Select(s => (string)s!));
        Assert.Contains(firstSection, sections);
        Assert.Equal([Update([firstSection], start), Update(sections.Order(StringComparer.Ordinal), start + interval), Update(["activeAlerts"], start + 2 * interval)],
            new[] { first, second, third }.Select(Update).ToList());
    }

    /// <summary>A <c>metrics_update</c>'s sections and timestamp, as one comparable line.</summary>
    private static string Update(JsonObject frame)
    {
        Assert.Equal("metrics_update", Event(frame));
        return Update(frame["sections"]!.AsArray().Select(s => (string)s!),
            DateTime.Parse((string)frame["at"]!, null, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    private static string Update(IEnumerable<string> sections, DateTime at) => $"{string.Join(' ', sections)} at {at:O}";

    private static async Task<JsonObject> NextAsync(LiveSocket socket, CancellationToken cancellationToken) =>
        (await CollectAsync(socket, seen => seen.Count == 1, cancellationToken))[0];

    [Fact]
    public async Task Signups_billing_and_alerts_reach_the_feeds_that_may_see_them_and_old_or_repeat_events_do_not()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var workspace = await SubscribedAsync(_one, Token(_key, "ceo", "feed_1"), "feed_1", cts.Token);
        await using var platform = await SubscribedAsync(_two, Token(_key, "ceo", "*"), "all", cts.Token);
        var now = DateTime.UtcNow;

        await servers.Bus.Publish(new UserActivitiesRecorded(Guid.NewGuid(),
        [
            new("signup-1", "feed_1", "u_1", "user.signed_up", "Ana Lima", now),
            new("active-1", "feed_1", "u_1", "user.active", null, now),
            new("signup-old", "feed_1", "u_2", "user.signed_up", "Backfilled", now.AddDays(-3)),
        ]), cts.Token);
        await servers.Bus.Publish(new SubscriptionChanged("sub-1", "feed_1", "subscription.started", "Pro", 99m, now, "USD"), cts.Token);
        await servers.Bus.Publish(new AlertTriggered("alert-1", "all", "high-error-rate", "high", "Error rate 12 % over the last hour", now.AddHours(-2)), cts.Token);

        var platformFeed = await CollectAsync(platform, seen => seen.Any(f => (string?)f["kind"] == "alert.triggered")
            && seen.Any(f => (string?)f["id"] == "sub-1") && seen.Any(f => (string?)f["id"] == "signup-1"), cts.Token);
        Assert.Contains(platformFeed, f => (string?)f["text"] == "High alert: Error rate 12 % over the last hour");

        // Whatever the workspace's feed could have received was queued with the platform's: a marker event
        // published now comes after it.
        await servers.Bus.Publish(new SubscriptionChanged("marker-1", "feed_1", "subscription.canceled", null, 0m, DateTime.UtcNow, "USD"), cts.Token);
        var workspaceFeed = await CollectAsync(workspace, seen => seen.Any(f => (string?)f["id"] == "marker-1"), cts.Token);

        Assert.Equal(["marker-1", "signup-1", "sub-1"], workspaceFeed.Select(f => (string)f["id"]!).Order(StringComparer.Ordinal));
        Assert.Contains(workspaceFeed, f => (string?)f["text"] == "Ana Lima (u_1) signed up" && (string?)f["kind"] == "user.signed_up");
        Assert.Contains(workspaceFeed, f => (string?)f["text"] == "feed_1 subscribed to Pro: MRR 99.00 USD");
        Assert.DoesNotContain(platformFeed, f => (string?)f["id"] is "active-1" or "signup-old");
    }

    [Fact]
    public async Task A_replica_that_no_browser_watches_drops_the_feeds_messages_unread_and_reads_them_once_one_does()
    {
        using var cts = new CancellationTokenSource(Patience);
        var bus = _one.Services.GetRequiredService<IBus>();
        var received = new ReceivedMessages();
        var consumed = new ConsumedMessages<RunsCompleted>("gateway-live-activity");
        var receiving = bus.ConnectReceiveObserver(received);
        var consuming = bus.ConnectConsumeObserver(consumed);
        try
        {
            var unwatched = NewId.NextGuid();
            await servers.Bus.Publish(new RunsCompleted(Guid.NewGuid(), [Run("unread-1", "unread_1", true, DateTime.UtcNow)]),
                context => context.MessageId = unwatched, cts.Token);
            await Poll.UntilAsync("the unwatched runs received", () => received.QueuesOf(unwatched).Count > 0, Patience);
            var queue = Assert.Single(received.QueuesOf(unwatched));

            Assert.StartsWith("gateway-live-activity-", queue, StringComparison.Ordinal);
            Assert.Equal(0, consumed.Count);
            // Dropped, not set aside where it would pile up for nobody.
            Assert.False(await QueueExistsAsync(queue + "_skipped"), "the skipped message was moved to a _skipped queue");

            await using var socket = await SubscribedAsync(_one, Token(_key, "ceo", "unread_1"), "unread_1", cts.Token);
            await servers.Bus.Publish(new RunsCompleted(Guid.NewGuid(), [Run("read-1", "unread_1", true, DateTime.UtcNow)]), cts.Token);
            var feed = await CollectAsync(socket, seen => seen.Any(f => (string?)f["id"] == "read-1"), cts.Token);

            Assert.DoesNotContain(feed, f => (string?)f["id"] == "unread-1");
        }
        finally
        {
            receiving.Disconnect();
            consuming.Disconnect();
        }
    }

    private async Task<bool> QueueExistsAsync(string queue)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(servers.Broker) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_stalled_client_is_dropped_and_does_not_hold_up_the_others()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var replica = new GatewayReplica(servers.Redis, servers.Broker, _key,
            new Dictionary<string, string> { ["ActivityPerSecond"] = "1000000", ["SendQueueCapacity"] = "256" });
        var token = Token(_key, "ceo", "stall_1");
        await using var stalled = await LiveSocket.ConnectAsync(replica.Address, token, cts.Token, receiveBufferBytes: 4096);
        await stalled.SubscribeAsync("stall_1", cts.Token);
        await using var reader = await SubscribedAsync(replica, token, "stall_1", cts.Token);

        // Each round waits until the reading client has every frame, so it never has more than a round queued;
        // the client that never reads fills the kernel's socket buffers (megabytes), then its queue, and is
        // dropped. Publish until the hub says so.
        using var drops = new DropCounter();
        const int perRound = 200;
        var published = 0;
        var received = 0;
        var reading = Task.Run(async () =>
        {
            while (await reader.ReceiveAsync(cts.Token) is { } frame)
            {
                if (Event(frame) == "activity")
                {
                    Interlocked.Increment(ref received);
                }
            }
        });
        for (var round = 0; drops.Count == 0 && round < 2_000; round++)
        {
            var now = DateTime.UtcNow;
            await servers.Bus.Publish(new RunsCompleted(Guid.NewGuid(),
                Enumerable.Range(0, perRound).Select(i => Run($"stall-{round}-{i}", "stall_1", true, now)).ToList()), cts.Token);
            published += perRound;
            while (Volatile.Read(ref received) < published && !reading.IsCompleted)
            {
                await Task.Delay(5, cts.Token);
            }
        }

        Assert.False(reading.IsCompleted, "the reading client was closed");
        Assert.Equal(published, Volatile.Read(ref received));
        Assert.Equal(1, drops.Count);

        var stalledGot = 0;
        try
        {
            while (await stalled.ReceiveAsync(cts.Token) is not null)
            {
                stalledGot++;
            }
        }
        catch (WebSocketException)
        {
            // Dropped: the server aborted the connection.
        }
        output.WriteLine($"The stalled client was dropped after {published:N0} frames; it had received {stalledGot:N0}.");
        Assert.True(stalledGot < published, $"the stalled client got {stalledGot} of {published} frames and was not dropped");
    }

    /// <summary>Counts the hub's <c>dashboard.realtime.dropped</c> measurements in this process.</summary>
    private sealed class DropCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public DropCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "dashboard.realtime.dropped")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    private static string Token(TestIssuer key, string role, string workspaces, TimeSpan? lifetime = null) =>
        GatewayReplica.Token(key, role, workspaces, lifetime);

    private static async Task<LiveSocket> SubscribedAsync(GatewayReplica replica, string token, string scope, CancellationToken cancellationToken)
    {
        var socket = await LiveSocket.ConnectAsync(replica.Address, token, cancellationToken);
        await socket.SubscribeAsync(scope, cancellationToken);
        return socket;
    }

    /// <summary>Frames until <paramref name="done"/> holds; fails if the socket closes first.</summary>
    private static async Task<List<JsonObject>> CollectAsync(LiveSocket socket, Func<List<JsonObject>, bool> done, CancellationToken cancellationToken)
    {
        var frames = new List<JsonObject>();
        while (!done(frames))
        {
            frames.Add(await socket.ReceiveAsync(cancellationToken)
                ?? throw new InvalidOperationException($"closed after {frames.Count} frames: {socket.CloseStatus} {socket.CloseReason}"));
        }
        return frames;
    }

    private static string? Event(JsonObject frame) => (string?)frame["event"];

    private static RunCompleted Run(string id, string workspace, bool succeeded, DateTime completedAt) =>
        new(id, workspace, id, "agent_1", "Support bot", "u_1", succeeded, completedAt.AddSeconds(-3), completedAt, 1.25m,
            succeeded ? null : "TIMEOUT");
}
