using System.Text.Json.Nodes;
using ExecutiveDashboard.Platform.Resilience;
using ExecutiveDashboard.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>A batch published to the ingest queue while the database is frozen is a transient failure: retried through
/// the outage as every consumer's message is, stored once the database is back, never dead-lettered as invalid.</summary>
[Collection(OutageCollection.Name)]
public sealed class IngestQueueOutageTests(OutageServersFixture servers) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private UsersService _service = null!;

    public Task InitializeAsync()
    {
        // Commands time out after 5 s instead of 30, and a loop failing for 5 s is Unhealthy: the outage shows quickly.
        var database = new NpgsqlConnectionStringBuilder(servers.NewDatabase()) { CommandTimeout = 5, Timeout = 5 }.ConnectionString;
        _service = new UsersService(database, servers.Broker) { Settings = { ["BackgroundLoops:UnhealthyAfter"] = "00:00:05" } };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        servers.Postgres.Resume();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task A_batch_published_while_the_database_is_frozen_is_stored_once_it_is_back()
    {
        await using var queue = _service.IngestQueue();
        var health = _service.Services.GetRequiredService<LoopHealth>();
        var at = At("2026-11-29T10:00:00Z");
        var batch = new JsonArray(Enumerable.Range(0, 10).Select(i => (JsonNode)Events.Active($"out-{i}", "ws_out", $"u_{i}", at)).ToArray());

        servers.Postgres.Pause();
        await queue.PublishAsync(batch.ToJsonString());
        await Poll.LoopUntilAsync(health, queue.LoopName, HealthStatus.Unhealthy, Patience);
        servers.Postgres.Resume();

        await Poll.UntilAsync("the batch stored", async () => await _service.ScalarAsync("SELECT count(*) FROM activity_events") == 10, Patience);
        Assert.Equal(10, await _service.ScalarAsync("SELECT count(*) FROM ingested_events"));
        Assert.Equal(0u, await queue.RefusedCountAsync());
        Assert.Equal(HealthStatus.Healthy, health.StatusOf(queue.LoopName));
    }
}
