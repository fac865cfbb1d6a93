using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Executions.Ingest;
using ExecutiveDashboard.Executions.Rollups;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.Platform.Resilience;
using ExecutiveDashboard.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit.Abstractions;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>
/// Issue 18, observation 7: the broker paused past its heartbeat ended a service for good. Here the executions service
/// ingests and publishes while the broker, then the database, is frozen (SIGSTOP) and let go: the service keeps running,
/// its loops report Degraded, then Unhealthy, then Healthy again, and every accepted run is folded once and delivered.
/// The broker stays frozen, with the service's default settings, until the outbox is Unhealthy: about a minute, past its
/// heartbeat (10 s) and two of the outbox's 30 s batch timeouts. Each test prints its figures (docs/reliability.md).
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class OutageTests(OutageServersFixture servers, ITestOutputHelper output) : IAsyncLifetime
{
    private const string AsOf = "2026-11-28T00:00:00Z";
    private static readonly DateTime Day = At("2026-11-27T00:00:00Z");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly ConcurrentDictionary<string, int> _delivered = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IBusControl _consumer = null!;

    /// <summary>A consumer of RunsCompleted on a durable queue of its own, which keeps what is published while the consumer
    /// itself is cut off from the frozen broker.</summary>
    public async Task InitializeAsync()
    {
        _consumer = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(servers.Broker), host => host.Heartbeat(EventBusExtensions.Heartbeat));
            cfg.ReceiveEndpoint($"outage-test-{Guid.NewGuid():N}", e => e.Handler<RunsCompleted>(context =>
            {
                foreach (var run in context.Message.Runs)
                {
                    _delivered.AddOrUpdate(run.EventId, 1, (_, n) => n + 1);
                }
                return Task.CompletedTask;
            }));
        });
        await _consumer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        servers.RabbitMq.Resume();
        servers.Postgres.Resume();
        await _consumer.StopAsync();
    }

    [Fact]
    public async Task The_broker_frozen_past_its_heartbeat_degrades_the_outbox_and_nothing_is_lost()
    {
        await using var service = Start(servers.NewDatabase());
        await using var ingest = new Ingest(service);
        await Poll.UntilAsync("runs delivered before the pause", () => _delivered.Count >= 100, Patience);

        var health = service.Services.GetRequiredService<LoopHealth>();
        servers.RabbitMq.Pause();
        var paused = _clock.Elapsed;
        var states = await Poll.LoopUntilAsync(health, OutboxDispatcher.LoopName, HealthStatus.Unhealthy, Patience);
        var unhealthyAt = _clock.Elapsed - paused;
        var report = await health.CheckHealthAsync(new HealthCheckContext());
        using (var ready = await service.CreateClient().GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }
        servers.RabbitMq.Resume();
        var resumed = _clock.Elapsed;

        var healthy = await Poll.UntilAsync("the outbox healthy again", () => health.StatusOf(OutboxDispatcher.LoopName) == HealthStatus.Healthy, Patience);
        var accepted = await ingest.StopAfterAsync(TimeSpan.FromSeconds(2));
        await Poll.UntilAsync("every accepted run delivered", () => accepted.All(_delivered.ContainsKey), Patience);
        var allDelivered = _clock.Elapsed - resumed;
        await AssertRecoveredAsync(service, accepted.Count);

        Assert.Equal([HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Unhealthy], states);
        output.WriteLine($"broker frozen for {(resumed - paused).TotalSeconds:0.0} s; outbox Unhealthy {unhealthyAt.TotalSeconds:0.0} s after the pause ({report.Description}); " +
            $"after the resume: Healthy in {healthy.TotalSeconds:0.0} s, every run accepted so far delivered by {allDelivered.TotalSeconds:0.0} s; " +
            $"{accepted.Count} runs accepted, {ingest.Refused} batch attempts refused, {_delivered.Values.Count(n => n > 1)} runs delivered twice or more");
    }

    [Fact]
    public async Task The_database_frozen_degrades_every_loop_and_each_run_is_folded_once()
    {
        // A command times out after 5 s instead of 30, and so does opening a connection (15), and a loop is Unhealthy after
        // 5 s of failures instead of 30, so that a pause of about 20 s shows every state (the defaults take 90 s).
        var database = new NpgsqlConnectionStringBuilder(servers.NewDatabase()) { CommandTimeout = 5, Timeout = 5 }.ConnectionString;
        await using var service = Start(database, unhealthyAfter: "00:00:05");
        await using var ingest = new Ingest(service);
        await Poll.UntilAsync("runs delivered before the pause", () => _delivered.Count >= 100, Patience);

        var health = service.Services.GetRequiredService<LoopHealth>();
        servers.Postgres.Pause();
        var paused = _clock.Elapsed;
        var folderStates = await Poll.LoopUntilAsync(health, RollupFolder.LoopName, HealthStatus.Unhealthy, Patience);
        var outboxStates = await Poll.LoopUntilAsync(health, OutboxDispatcher.LoopName, HealthStatus.Unhealthy, Patience);
        var feedStates = await Poll.LoopUntilAsync(health, RunLeaderboardFeed.LoopName, HealthStatus.Unhealthy, Patience);
        var unhealthyAt = _clock.Elapsed - paused;
        var report = await health.CheckHealthAsync(new HealthCheckContext());
        using (var alive = await service.CreateClient().GetAsync("/alive"))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);   // nothing for an orchestrator to restart
        }
        servers.Postgres.Resume();
        var resumed = _clock.Elapsed;

        string[] loops = [RollupFolder.LoopName, OutboxDispatcher.LoopName, RunLeaderboardFeed.LoopName];
        var healthy = await Poll.UntilAsync("every loop healthy again", () => loops.All(l => health.StatusOf(l) == HealthStatus.Healthy), Patience);
        var accepted = await ingest.StopAfterAsync(TimeSpan.FromSeconds(2));
        await Poll.UntilAsync("every accepted run delivered", () => accepted.All(_delivered.ContainsKey), Patience);
        var allDelivered = _clock.Elapsed - resumed;
        await AssertRecoveredAsync(service, accepted.Count);

        // A batch sent while the database does not answer is told to come back (503 with Retry-After), never a 500.
        Assert.Contains("503", ingest.Refusals);
        Assert.DoesNotContain("500", ingest.Refusals);
        // The outbox and the feed fail in step with the folder: their Degraded may fall between two samples.
        Assert.Equal([HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Unhealthy], folderStates);
        Assert.Equal(HealthStatus.Unhealthy, outboxStates[^1]);
        Assert.Equal(HealthStatus.Unhealthy, feedStates[^1]);
        output.WriteLine($"database frozen for {(resumed - paused).TotalSeconds:0.0} s; folder, outbox and feed Unhealthy {unhealthyAt.TotalSeconds:0.0} s after the pause ({report.Description}); " +
            $"after the resume: every loop Healthy in {healthy.TotalSeconds:0.0} s, every run accepted so far delivered by {allDelivered.TotalSeconds:0.0} s; " +
            $"{accepted.Count} runs accepted, {ingest.Refused} batch attempts refused, {_delivered.Values.Count(n => n > 1)} runs delivered twice or more");
    }

    /// <param name="unhealthyAfter">How long a loop may fail before it is Unhealthy, if not the default 30 s.</param>
    private ExecutionsService Start(string database, string? unhealthyAfter = null)
    {
        var service = new ExecutionsService(database, servers.Broker);
        if (unhealthyAfter is not null)
        {
            service.Settings["BackgroundLoops:UnhealthyAfter"] = unhealthyAfter;
        }
        _ = service.Server;
        return service;
    }

    /// <summary>Still running, ready, and every accepted run folded exactly once: the platform's total is the number of
    /// distinct runs accepted (a batch retried after a lost answer is a duplicate and counts once).</summary>
    private static async Task AssertRecoveredAsync(ExecutionsService service, int accepted)
    {
        Assert.False(service.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await Poll.UntilHealthyAsync(service.CreateClient(), Patience);
        var platform = await service.OverviewAsync("all", "24h", AsOf);
        Assert.False(platform.CatchingUp);
        Assert.Equal(accepted, platform.ExecutionMetrics.TotalRuns);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM unfolded_events"));
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM quarantined_events"));
    }

    /// <summary>What a platform does: a batch of runs every quarter second, each sent again until it gets its 202
    /// (ingest is idempotent by event id), whatever is down.</summary>
    private sealed class Ingest : IAsyncDisposable
    {
        private const int BatchSize = 25;
        private readonly CancellationTokenSource _stop = new();
        private readonly List<string> _accepted = [];
        private readonly Task _sending;

        public Ingest(ExecutionsService service)
        {
            var client = service.Ingest;
            _sending = Task.Run(async () =>
            {
                for (var batch = 0; !_stop.IsCancellationRequested; batch++)
                {
                    var runs = Enumerable.Range(0, BatchSize).Select(i => (JsonNode)Run($"o-{batch}-{i}", $"ws_{i % 5}", "ag_1", $"u_{i % 7}",
                        i % 9 == 0 ? "failed" : "succeeded", Day.AddSeconds(batch * BatchSize + i), 10, 1m)).ToArray();
                    while (true)
                    {
                        string refusal;
                        try
                        {
                            using var response = await client.PostAsync("/api/executions/events", Batch(runs));
                            if (response.StatusCode == HttpStatusCode.Accepted)
                            {
                                break;
                            }
                            refusal = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                        {
                            refusal = e.GetType().Name;
                        }
                        _refusals.Add(refusal);
                        await Task.Delay(250);
                    }
                    _accepted.AddRange(runs.Select(r => r["eventId"]!.GetValue<string>()));
                    await Task.Delay(250);
                }
            });
        }

        private readonly ConcurrentBag<string> _refusals = [];

        /// <summary>The answers of the attempts that did not get a 202: a status, or the exception's name.</summary>
        public IReadOnlyCollection<string> Refusals => _refusals;

        /// <summary>The attempts that did not get a 202, e.g. <c>2 × 503</c>.</summary>
        public string Refused => _refusals.IsEmpty ? "no" : string.Join(", ", _refusals.GroupBy(r => r).Select(g => $"{g.Count()} × {g.Key}"));

        /// <summary>Goes on for <paramref name="more"/>, then stops after the batch in flight; returns every run accepted.</summary>
        public async Task<IReadOnlyCollection<string>> StopAfterAsync(TimeSpan more)
        {
            await Task.Delay(more);
            await _stop.CancelAsync();
            await _sending.WaitAsync(Patience);
            return _accepted;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _sending.WaitAsync(Patience);
            _stop.Dispose();
        }
    }
}
