using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Gateway.Overview;
using ExecutiveDashboard.Platform.Queries;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>
/// A <see cref="MetricsChangedBatch"/> reaches the gateway on two queues, the shared one and the replica's live one, and
/// drops the cached overviews of each workspace it names, and of the platform, exactly once: the version of each scope's
/// cached answers goes up by one. Counted on a real gateway over real Redis and RabbitMQ, after both of its queues have
/// delivered the batch (the live one drops it unread while no socket watches).
/// </summary>
public sealed class OverviewInvalidationTests(RedisAndRabbitMqFixture broker) : IClassFixture<RedisAndRabbitMqFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TestIssuer _key = GatewayReplica.NewIssuer();
    private readonly ReceivedMessages _received = new();
    private GatewayReplica _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new GatewayReplica(broker.Redis, broker.Broker, _key);
        _gateway.Services.GetRequiredService<IBus>().ConnectReceiveObserver(_received);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_batch_with_a_watched_workspace_drops_the_cache_of_every_workspace_it_names_once()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var socket = await LiveSocket.ConnectAsync(_gateway.Address, GatewayReplica.Token(_key, "ceo", "*"), cts.Token);
        await socket.SubscribeAsync("inv_watched", cts.Token);

        var bumps = await BumpsOfAsync(["inv_watched", "inv_unwatched", Scopes.Platform], async () =>
        {
            var id = await PublishAsync(["inv_watched", "inv_unwatched"], cts.Token);
            var frame = await socket.ReceiveAsync(cts.Token);
            Assert.Equal("metrics_update", (string?)frame?["event"]);
            return id;
        });

        Assert.Equal(new Dictionary<string, long> { ["inv_watched"] = 1, ["inv_unwatched"] = 1, [Scopes.Platform] = 1 }, bumps);
    }

    [Fact]
    public async Task A_batch_no_socket_watches_drops_the_cache_once()
    {
        using var cts = new CancellationTokenSource(Patience);

        var bumps = await BumpsOfAsync(["inv_quiet", Scopes.Platform], () => PublishAsync(["inv_quiet"], cts.Token));

        Assert.Equal(new Dictionary<string, long> { ["inv_quiet"] = 1, [Scopes.Platform] = 1 }, bumps);
    }

    private async Task<Guid> PublishAsync(string[] workspaces, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        await broker.Bus.Publish(
            new MetricsChangedBatch(workspaces.Select(w => new MetricsChanged(w, "executions", DateTime.UtcNow, ["executionMetrics"])).ToList()),
            context => context.MessageId = id, cancellationToken);
        return id;
    }

    /// <summary>How far each scope's cache version moved while <paramref name="publish"/>'s batch went through both of the
    /// gateway's queues of it.</summary>
    private async Task<Dictionary<string, long>> BumpsOfAsync(string[] scopes, Func<Task<Guid>> publish)
    {
        var before = await VersionsAsync(scopes);
        var id = await publish();
        await Poll.UntilAsync("both queues of the batch done", () => _received.QueuesOf(id).Count == 2, Patience);
        var after = await VersionsAsync(scopes);
        return scopes.ToDictionary(s => s, s => after[s] - before[s]);
    }

    private async Task<Dictionary<string, long>> VersionsAsync(string[] scopes)
    {
        var cache = _gateway.Services.GetRequiredService<OverviewCache>();
        var versions = new Dictionary<string, long>();
        foreach (var scope in scopes)
        {
            versions[scope] = (await cache.GetAsync(new OverviewRequest(scope, Timeframe.Week, DateTime.UtcNow), only: null)).Version;
        }
        return versions;
    }
}
