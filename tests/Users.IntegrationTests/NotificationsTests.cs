using System.Collections.Concurrent;
using System.Net;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.TestSupport;
using MassTransit;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>The outbox of a service (ServiceDefaults) on the real RabbitMQ: an accepted batch goes out as one
/// <c>MetricsChanged</c> per workspace, for the platform's consumers, and the same changes again in one
/// <c>MetricsChangedBatch</c>, for the gateway and the alerts service.</summary>
[Collection(ServersCollection.Name)]
public sealed class NotificationsTests(UsersServersFixture servers) : ServiceTests<UsersService>(servers)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<MetricsChanged> _single = new();
    private readonly ConcurrentQueue<MetricsChangedBatch> _batches = new();
    private IBusControl _bus = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = Service.Server;
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(Servers.Broker));
            cfg.ReceiveEndpoint(e =>
            {
                e.Handler<MetricsChanged>(context => Record(_single, context.Message));
                e.Handler<MetricsChangedBatch>(context => Record(_batches, context.Message));
            });
        });
        await _bus.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await base.DisposeAsync();
    }

    private static Task Record<T>(ConcurrentQueue<T> queue, T message)
    {
        queue.Enqueue(message);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_ingest_is_announced_per_workspace_and_in_one_batch()
    {
        var at = DateTime.UtcNow.AddMinutes(-5);
        using var response = await Service.Ingest.PostAsync("/api/users/events", Batch(
            SignedUp("n1", "ws_note_a", "u1", at, "Ada"),
            SignedUp("n2", "ws_note_b", "u2", at, "Grace"),
            Active("n3", "ws_note_a", "u1", at.AddMinutes(1))));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        string[] workspaces = ["ws_note_a", "ws_note_b"];
        var deadline = DateTime.UtcNow + Patience;
        while (!Announced(workspaces) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(Announced(workspaces), $"after {Patience}: {_single.Count} MetricsChanged and {_batches.Count} MetricsChangedBatch received");

        // One batch for the ingest, each workspace once in it (the test's broker may carry other services' changes too).
        var batch = Assert.Single(_batches, b => b.Changes.Any(c => workspaces.Contains(c.WorkspaceId)));
        var ours = batch.Changes.Where(c => workspaces.Contains(c.WorkspaceId)).OrderBy(c => c.WorkspaceId, StringComparer.Ordinal).ToList();
        Assert.Equal(workspaces, ours.Select(c => c.WorkspaceId));
        Assert.All(ours, c => Assert.Equal("users", c.Service));
        var singles = _single.Where(c => workspaces.Contains(c.WorkspaceId)).OrderBy(c => c.WorkspaceId, StringComparer.Ordinal).ToList();
        Assert.Equal(ours.Select(Fields), singles.Select(Fields));
    }

    [Fact]
    public async Task A_notification_row_left_by_an_earlier_version_goes_out_in_the_batch_too()
    {
        // Before 1.2 a service wrote a MetricsChanged row per workspace; the dispatcher may find some after an upgrade.
        var type = typeof(MetricsChanged).FullName;
        await Service.ScalarAsync($$"""
            INSERT INTO outbox_messages (message_type, body) VALUES ('{{type}}',
                '{"workspaceId":"ws_note_old","service":"users","at":"2026-11-30T12:00:00Z","sections":["userMetrics"]}')
            RETURNING id
            """);

        var deadline = DateTime.UtcNow + Patience;
        while (!Announced(["ws_note_old"]) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(Announced(["ws_note_old"]), $"after {Patience}: {_single.Count} MetricsChanged and {_batches.Count} MetricsChangedBatch received");
        Assert.Single(_single, c => c.WorkspaceId == "ws_note_old");
    }

    private static string Fields(MetricsChanged c) => $"{c.WorkspaceId} {c.Service} {c.At:O} {string.Join(',', c.Sections)}";

    private bool Announced(string[] workspaces) =>
        workspaces.All(w => _single.Any(c => c.WorkspaceId == w)) &&
        _batches.Any(b => b.Changes.Any(c => workspaces.Contains(c.WorkspaceId)));
}
