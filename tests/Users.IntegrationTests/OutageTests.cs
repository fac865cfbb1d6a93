using System.Diagnostics;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Platform.Messaging;
using ExecutiveDashboard.Platform.Resilience;
using ExecutiveDashboard.TestSupport;
using ExecutiveDashboard.Users.IntegrationEvents.EventHandling;
using ExecutiveDashboard.Users.IntegrationEvents;
using ExecutiveDashboard.Users.Reads;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>
/// The users service consumes <see cref="RunsCompleted"/> while its database is frozen (SIGSTOP) and let go. A message
/// that went straight to the error queue would leave its users missing from the numbers for good, so the consumer
/// retries it through the outage: the service keeps running, its consumer and its cache report
/// Degraded, then Unhealthy, then Healthy, and every user of every message published is counted once.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class OutageTests(OutageServersFixture servers, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly DateTime Day = At("2026-11-29T00:00:00Z");
    private static readonly string Consumer = ConsumerHealth.NameOf(typeof(RunsActivity));

    private UsersService _service = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        // Commands and connection attempts time out after 5 s instead of 30 and 15, so that a pause of about 20 s shows
        // the loops Unhealthy (after 5 s of failures instead of 30).
        var database = new NpgsqlConnectionStringBuilder(servers.NewDatabase()) { CommandTimeout = 5, Timeout = 5 }.ConnectionString;
        _service = new UsersService(database, servers.Broker) { Settings = { ["BackgroundLoops:UnhealthyAfter"] = "00:00:05" } };
        _ = _service.Server;
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(servers.Broker)));
        await _bus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        servers.Postgres.Resume();
        await _bus.StopAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Runs_published_while_the_database_is_frozen_are_retried_until_every_user_counts_once()
    {
        var published = 0;
        async Task PublishAsync(int messages)
        {
            for (var m = 0; m < messages; m++, published++)
            {
                // Ten runs of ten new users, and one of a user seen before: a redelivery or a repeat must not count twice.
                var runs = Enumerable.Range(0, 10).Select(i => $"u_{published}_{i}").Append("u_0_0")
                    .Select((user, i) => new RunCompleted($"r-{published}-{i}", "ws_out", $"run-{published}-{i}", "ag_1", null, user, true,
                        Day.AddMinutes(published).AddSeconds(-5), Day.AddMinutes(published), 1m, null))
                    .ToList();
                await _bus.Publish(new RunsCompleted(Guid.NewGuid(), runs));
                await Task.Delay(100);
            }
        }
        Task<long> UsersAsync() => _service.ScalarAsync("SELECT count(*) FROM users WHERE workspace_id = 'ws_out'");

        await PublishAsync(20);
        await Poll.UntilAsync("users counted before the pause", async () => await UsersAsync() == 10 * published, Patience);

        var health = _service.Services.GetRequiredService<LoopHealth>();
        var clock = Stopwatch.StartNew();
        servers.Postgres.Pause();
        await PublishAsync(10);   // into the outage: the consumer meets the frozen database
        var consumerStates = await Poll.LoopUntilAsync(health, Consumer, HealthStatus.Unhealthy, Patience);
        var cacheStates = await Poll.LoopUntilAsync(health, ActivitySpansPoll.LoopName, HealthStatus.Unhealthy, Patience);
        var report = await health.CheckHealthAsync(new HealthCheckContext());
        servers.Postgres.Resume();
        var resumed = clock.Elapsed;

        await PublishAsync(10);
        await Poll.UntilAsync("every user of every message counted", async () => await UsersAsync() == 10 * published, Patience);
        var counted = clock.Elapsed - resumed;
        await Poll.UntilAsync("consumer and cache healthy again", () =>
            health.StatusOf(Consumer) == HealthStatus.Healthy && health.StatusOf(ActivitySpansPoll.LoopName) == HealthStatus.Healthy, Patience);
        await Poll.UntilHealthyAsync(_service.CreateClient(), Patience);

        Assert.False(_service.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Equal(10 * published, await UsersAsync());
        Assert.Equal([HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Unhealthy], consumerStates);
        Assert.Equal(HealthStatus.Unhealthy, cacheStates[^1]);
        output.WriteLine($"database frozen for {resumed.TotalSeconds:0.0} s ({report.Description}); {published} messages of 11 runs published; " +
            $"every user counted {counted.TotalSeconds:0.0} s after the resume (10 more messages published meanwhile)");
    }
}
