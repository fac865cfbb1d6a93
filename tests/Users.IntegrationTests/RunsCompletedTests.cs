using System.Collections.Concurrent;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.TestSupport;
using MassTransit;
using Npgsql;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>Completed runs published on the real RabbitMQ make their users (and workspaces) active, once. A run is merged into
/// its user's activity spans, so a redelivered message is processed again and must change nothing.</summary>
[Collection(ServersCollection.Name)]
public sealed class RunsCompletedTests(UsersServersFixture servers) : ServiceTests<UsersService>(servers)
{
    private const string AsOf = "2026-11-29T12:00:00Z";
    private IBusControl _bus = null!;
    private readonly ConcurrentDictionary<string, int> _merges = new(StringComparer.Ordinal);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ = Service.Server; // start the service (and its consumer) before publishing
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(Servers.Broker));
            // A queue of the test's own: every merge of runs commits a MetricsChangedBatch (through the outbox) naming its workspaces.
            cfg.ReceiveEndpoint(e => e.Handler<MetricsChangedBatch>(context =>
            {
                foreach (var change in context.Message.Changes.Where(c => c.Service == ServiceCatalog.Users.Name))
                {
                    _merges.AddOrUpdate(change.WorkspaceId, 1, (_, n) => n + 1);
                }
                return Task.CompletedTask;
            }));
        });
        await _bus.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await base.DisposeAsync();
    }

    private static RunCompleted Run(string eventId, string workspace, string user, string completedAt) =>
        new(eventId, workspace, "run-" + eventId, "ag_1", null, user, true, At(completedAt).AddSeconds(-5), At(completedAt), 1m, null);

    /// <summary>Waits until the service has merged <paramref name="count"/> messages of runs of <paramref name="workspace"/>
    /// (each sent on its own, after the previous one was merged).</summary>
    private Task MergedAsync(string workspace, int count) => Poll.UntilAsync($"{count} merges of {workspace}",
        () => _merges.GetValueOrDefault(workspace) >= count, TimeSpan.FromSeconds(30));

    private async Task<long> WaitForDauAsync(string scope, long expected)
    {
        long dau = -1;
        await Poll.UntilAsync($"dau {expected} in {scope}", async () =>
            (dau = (await Service.OverviewAsync(scope, "24h", AsOf)).UserMetrics.Dau!.Value) >= expected, TimeSpan.FromSeconds(15));
        return dau;
    }

    /// <summary>Activity spans stored for the workspace's users (8 bytes each, one per user and active hour): a run merged
    /// twice as if new would add one.</summary>
    private Task<long> SpansAsync(string workspace) =>
        Service.ScalarAsync($"SELECT coalesce(sum(length(spans) / 8), 0) FROM user_activity_spans WHERE workspace_id = '{workspace}'");

    [Fact]
    public async Task A_run_makes_its_user_and_workspace_active_and_a_redelivery_changes_nothing()
    {
        var message = new RunsCompleted(Guid.NewGuid(), [
            Run("r1", "ws_run", "u1", "2026-11-29T10:00:00Z"),
            Run("r2", "ws_run", "u1", "2026-11-29T10:30:00Z"),
        ]);
        await _bus.Publish(message);
        await MergedAsync("ws_run", 1);
        Assert.Equal(1, await SpansAsync("ws_run"));   // u1 in the 10:00 hour, from its first to its last run

        await _bus.Publish(message); // redelivered
        await MergedAsync("ws_run", 2);
        Assert.Equal(1, await SpansAsync("ws_run"));
        Assert.Equal(1, await Service.ScalarAsync("SELECT count(*) FROM users WHERE workspace_id = 'ws_run'"));

        await _bus.Publish(new RunsCompleted(Guid.NewGuid(), [Run("r3", "ws_run", "u2", "2026-11-29T11:00:00Z")]));
        await MergedAsync("ws_run", 3);
        Assert.Equal(2, await WaitForDauAsync("ws_run", 2));   // the read side has caught up with the merges

        var o = await Service.OverviewAsync("ws_run", "24h", AsOf);
        Assert.Equal(2, o.UserMetrics.Dau);
        Assert.Equal(1, o.ActiveWorkspaces);
        Assert.Equal(2, o.UserMetrics.NewUsers);
        Assert.Equal(2, o.UsersTrend.Sum(p => p.Value));   // u1 in the 10:00 bucket, u2 in the 11:00 one, each once
        Assert.Equal(2, await SpansAsync("ws_run"));
        Assert.Equal(2, await Service.ScalarAsync("SELECT count(*) FROM users WHERE workspace_id = 'ws_run'"));
    }

    /// <summary>Each user's stored activity of a workspace, decoded: per active hour its first and last run (UTC), and
    /// each user's first sighting.</summary>
    private async Task<string> ActivityAsync(string workspace)
    {
        await using var connection = new NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        // A span is hour in its block << 44 | first ms in the hour << 22 | last ms in the hour (Ingest/ActivitySpans.cs).
        await using var command = new NpgsqlCommand("""
            WITH spans AS (
                SELECT u.user_id, x.span, timestamptz 'epoch' + (s.block * 1536 + (x.span >> 44)) * interval '1 hour' AS hour
                FROM user_activity_spans s JOIN users u USING (user_key)
                CROSS JOIN LATERAL (SELECT span_at(s.spans, i) AS span FROM generate_series(0, length(s.spans) / 8 - 1) AS i) x
                WHERE s.workspace_id = $1)
            SELECT coalesce((SELECT string_agg(user_id || ' ' || to_char(first_seen_at AT TIME ZONE 'UTC', 'HH24:MI:SS.MS'), ', ' ORDER BY user_id)
                    FROM users WHERE workspace_id = $1), '')
                || ' | ' || coalesce((SELECT string_agg(user_id
                    || ' ' || to_char((hour + ((span >> 22) & 4194303) * interval '1 millisecond') AT TIME ZONE 'UTC', 'HH24:MI:SS.MS')
                    || '-' || to_char((hour + (span & 4194303) * interval '1 millisecond') AT TIME ZONE 'UTC', 'HH24:MI:SS.MS'), ', ' ORDER BY user_id, span)
                    FROM spans), '')
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = workspace });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Messages published together are merged in one batch or a few, in any order, and runs earlier than their
    /// user's stored hours, or inside one, widen that hour or add an earlier one, never shrink one; the whole set
    /// delivered again (in the opposite order) changes nothing.</summary>
    [Fact]
    public async Task Messages_merged_together_and_late_runs_give_each_users_exact_hours_and_a_redelivery_changes_nothing()
    {
        RunsCompleted[] first = [
            new(Guid.NewGuid(), [Run("m1", "ws_many", "u1", "2026-11-29T10:20:00Z"), Run("m2", "ws_many", "u2", "2026-11-29T10:05:00Z")]),
            new(Guid.NewGuid(), [Run("m3", "ws_many", "u1", "2026-11-29T10:40:00Z"), Run("m4", "ws_many", "u1", "2026-11-29T11:10:00Z")]),
        ];
        RunsCompleted[] late = [
            new(Guid.NewGuid(), [Run("m5", "ws_many", "u1", "2026-11-29T10:10:00Z"), Run("m6", "ws_many", "u2", "2026-11-29T09:50:00Z")]),
            new(Guid.NewGuid(), [new RunCompleted("m7", "ws_many", "run-m7", "ag_1", null, "u3", true,
                At("2026-11-29T11:59:00Z"), At("2026-11-29T11:59:59.999Z"), 1m, null)]),
        ];

        await Task.WhenAll(first.Select(m => _bus.Publish(m)));
        // u1 from 10:20 to 10:40 in the 10:00 hour, and at 11:10; u2 at 10:05.
        await Poll.UntilAsync("the first two messages merged", async () => await ActivityAsync("ws_many") ==
            "u1 10:20:00.000, u2 10:05:00.000 | u1 10:20:00.000-10:40:00.000, u1 11:10:00.000-11:10:00.000, u2 10:05:00.000-10:05:00.000",
            TimeSpan.FromSeconds(30));

        await Task.WhenAll(late.Select(m => _bus.Publish(m)));
        // u1's 10:00 hour now starts at 10:10 and u2 gains the 09:00 hour, both before the users' last stored hour; u3 is new.
        const string merged = "u1 10:10:00.000, u2 09:50:00.000, u3 11:59:59.999 | "
            + "u1 10:10:00.000-10:40:00.000, u1 11:10:00.000-11:10:00.000, u2 09:50:00.000-09:50:00.000, "
            + "u2 10:05:00.000-10:05:00.000, u3 11:59:59.999-11:59:59.999";
        await Poll.UntilAsync("the late runs merged", async () => await ActivityAsync("ws_many") == merged, TimeSpan.FromSeconds(30));

        foreach (var message in late.Concat(first).Reverse())
        {
            await _bus.Publish(message); // redelivered
        }
        // Published after the redeliveries on the same queue, consumed one batch after the other: once it is merged, so are they.
        await _bus.Publish(new RunsCompleted(Guid.NewGuid(), [Run("m8", "ws_many_after", "u1", "2026-11-29T10:00:00Z")]));
        await MergedAsync("ws_many_after", 1);

        Assert.Equal(merged, await ActivityAsync("ws_many"));
        Assert.Equal(3, await WaitForDauAsync("ws_many", 3));
    }

    [Fact]
    public async Task A_run_and_a_user_active_event_for_the_same_user_count_once()
    {
        using var response = await Service.Ingest.PostAsync("/api/users/events", Batch(
            SignedUp("s1", "ws_mix", "u1", At("2026-11-29T09:00:00Z"), "Ada"),
            Active("a1", "ws_mix", "u1", At("2026-11-29T09:30:00Z"))));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);

        await _bus.Publish(new RunsCompleted(Guid.NewGuid(), [
            Run("r1", "ws_mix", "u1", "2026-11-29T10:00:00Z"), Run("r2", "ws_mix", "u2", "2026-11-29T10:00:00Z")]));

        Assert.Equal(2, await WaitForDauAsync("ws_mix", 2));
        var o = await Service.OverviewAsync("ws_mix", "24h", AsOf);
        Assert.Equal(100, o.UserMetrics.ActiveRate); // u1, u2 both active and known
    }
}
