using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Metrics;
using Microsoft.Extensions.Options;

namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>
/// The browsers connected to this gateway replica, by subscription (a workspace id or <c>all</c>). A frame of
/// a workspace goes to that workspace's subscribers and to the platform's, never elsewhere. Each frame is
/// serialized once and put in every client's own bounded queue without waiting: a slow client cannot slow
/// the others (<see cref="LiveClient"/>).
/// </summary>
public sealed class LiveHub(IOptions<RealtimeOptions> options, TimeProvider clock, IMeterFactory meters)
{
    private readonly RealtimeOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Counter<long> _framesQueued = meters.Create(MeterName).CreateCounter<long>(
        "dashboard.realtime.frames", description: "Frames queued to WebSocket clients.");
    private readonly Counter<long> _activitySampled = meters.Create(MeterName).CreateCounter<long>(
        "dashboard.realtime.activity.sampled", description: "Activity frames left out of a busy subscription's feed.");
    private readonly Counter<long> _dropped = meters.Create(MeterName).CreateCounter<long>(
        "dashboard.realtime.dropped", description: "Clients dropped because their send queue was full.");
    private readonly UpDownCounter<long> _connections = meters.Create(MeterName).CreateUpDownCounter<long>(
        ConnectionsInstrument, description: "Open WebSocket connections.");

    public const string MeterName = "ExecutiveDashboard.Gateway.Realtime";
    public const string ConnectionsInstrument = "dashboard.realtime.connections";

    /// <summary>Serves one accepted WebSocket until it closes: its subscriptions, its frames, its token's expiry.</summary>
    public async Task ServeAsync(WebSocket socket, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var client = new LiveClient(socket, user, this, _options.SendQueueCapacity, clock, () => _dropped.Add(1));
        _connections.Add(1);
        try
        {
            await client.RunAsync(cancellationToken);
        }
        finally
        {
            Unsubscribe(client);
            _connections.Add(-1);
        }
    }

    /// <summary>Whether any client here is subscribed to anything: when none, the live feed's messages are not even read
    /// (<see cref="IntegrationEvents.SkipWhileNobodyWatches"/>).</summary>
    public bool HasSubscribers => !_subscriptions.IsEmpty;

    /// <summary>Whether any client here would receive a frame of this workspace: when none, consumers skip the work.</summary>
    public bool IsWatched(string workspaceId) =>
        _subscriptions.ContainsKey(workspaceId) || _subscriptions.ContainsKey(Scopes.Platform);

    /// <summary>Moves the client to <paramref name="scope"/>; the caller has checked that its token may see it.</summary>
    public void Subscribe(LiveClient client, string scope)
    {
        lock (_gate)
        {
            RemoveLocked(client);
            if (!_subscriptions.TryGetValue(scope, out var subscription))
            {
                subscription = new Subscription(scope, this, _options, clock);
                _subscriptions[scope] = subscription;
            }
            subscription.Clients = [.. subscription.Clients, client];
            client.Scope = scope;
        }
    }

    public void Unsubscribe(LiveClient client)
    {
        lock (_gate)
        {
            RemoveLocked(client);
        }
    }

    /// <summary>A service changed these sections of a workspace's numbers (or of the platform's, for <c>all</c>).</summary>
    public void MetricsChanged(string workspaceId, IReadOnlyCollection<string> sections)
    {
        Find(workspaceId)?.Updates.Add(sections);
        if (workspaceId != Scopes.Platform)
        {
            Find(Scopes.Platform)?.Updates.Add(sections);
        }
    }

    /// <summary>A line for the feeds of the frame's workspace and of the platform. Busy feeds are sampled
    /// (<see cref="RealtimeOptions.ActivityPerSecond"/>); <paramref name="notable"/> lines (alerts, exports) have a budget
    /// of their own, so that runs never crowd them out, while a storm of them still cannot flood a queue.</summary>
    public void Activity(ActivityFrame frame, bool notable = false)
    {
        byte[]? bytes = null;
        foreach (var subscription in new[] { Find(frame.WorkspaceId), frame.WorkspaceId == Scopes.Platform ? null : Find(Scopes.Platform) })
        {
            if (subscription is null)
            {
                continue;
            }
            if (!(notable ? subscription.NotableBudget : subscription.Budget).TryTake())
            {
                _activitySampled.Add(1);
                continue;
            }
            Send(subscription, bytes ??= JsonSerializer.SerializeToUtf8Bytes(frame, FrameJson.Default.ActivityFrame));
        }
    }

    private Subscription? Find(string scope) => _subscriptions.GetValueOrDefault(scope);

    private void Send(Subscription subscription, byte[] frame)
    {
        var clients = subscription.Clients;
        foreach (var client in clients)
        {
            client.TryEnqueue(frame);
        }
        _framesQueued.Add(clients.Length);
    }

    private void RemoveLocked(LiveClient client)
    {
        if (client.Scope is not { } scope || !_subscriptions.TryGetValue(scope, out var subscription))
        {
            return;
        }
        subscription.Clients = [.. subscription.Clients.Where(c => c != client)];
        client.Scope = null;
        if (subscription.Clients.Length == 0)
        {
            _subscriptions.TryRemove(scope, out _);
            subscription.Updates.Dispose();
        }
    }

    /// <summary>The clients of one scope (replaced, never changed in place, so senders read it without a lock),
    /// its coalesced metric updates and its activity budget.</summary>
    private sealed class Subscription
    {
        public Subscription(string scope, LiveHub hub, RealtimeOptions options, TimeProvider clock)
        {
            Budget = new ActivityBudget(options.ActivityPerSecond, clock);
            NotableBudget = new ActivityBudget(options.ActivityPerSecond, clock);
            Updates = new MetricsUpdateCoalescer(options.MetricsUpdateInterval, clock, (sections, at) =>
                hub.Send(this, JsonSerializer.SerializeToUtf8Bytes(new MetricsUpdateFrame(scope, sections, at), FrameJson.Default.MetricsUpdateFrame)));
        }

        public volatile LiveClient[] Clients = [];

        public ActivityBudget Budget { get; }

        public ActivityBudget NotableBudget { get; }

        public MetricsUpdateCoalescer Updates { get; }
    }
}
