using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Executions.IntegrationTests.Events;

namespace Executions.IntegrationTests;

/// <summary>Ingest as events.md defines it: all or nothing, idempotent by eventId across restarts, bounded.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IngestTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTime T = At("2026-11-28T10:00:00Z");
    private ExecutionsService _service = null!;

    public Task InitializeAsync()
    {
        _service = postgres.NewService();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _service.DisposeAsync().AsTask();

    private static JsonObject ValidRun(string id = "ok-1") => Run(id, "ws_1", "ag_1", "u_1", "succeeded", T, 10, 1m);

    private Task<long> StoredEvents() => _service.ScalarAsync("SELECT count(*) FROM ingested_events");

    public static TheoryData<string, string, object?> BadFields => new()
    {
        { "completedAt", "[1].completedAt", "2026-11-28T09:00:00Z" }, // before startedAt
        { "status", "[1].status", "cancelled" },
        { "credits", "[1].credits", -0.5 },
        { "credits", "[1].credits", "12" },         // wrong type
        { "workspaceId", "[1].workspaceId", null }, // missing
        { "agentId", "[1].agentId", "has space" },
        { "startedAt", "[1].startedAt", "2026-11-28 09:00:00" }, // no offset
        { "workspaceId", "[1].workspaceId", "all" }, // reserved for the platform
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_event_refuses_the_whole_batch_naming_index_and_field(string field, string key, object? value)
    {
        var bad = ValidRun("bad-1");
        bad[field] = value is null ? null : JsonSerializer.SerializeToNode(value);

        using var response = await _service.Ingest.PostAsync("/api/executions/events", Batch(ValidRun(), bad));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(key), problem.ToJsonString());
        Assert.Contains("bad-1", problem["errors"]![key]![0]!.GetValue<string>());
        Assert.Equal(0, await StoredEvents());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"eventId\":\"x\"}")]
    [InlineData("[]")]
    [InlineData("[{\"eventId\":\"x\",\"type\":\"user.active\"}]")]
    public async Task Malformed_or_foreign_bodies_are_refused(string body)
    {
        using var response = await _service.Ingest.PostAsync("/api/executions/events", Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await StoredEvents());
    }

    [Fact]
    public async Task More_than_5000_events_is_413()
    {
        var events = Enumerable.Range(0, 5_001).Select(i => (JsonNode)ValidRun($"many-{i}")).ToArray();

        using var response = await _service.Ingest.PostAsync("/api/executions/events", Batch(events));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredEvents());
    }

    [Fact]
    public async Task A_body_over_5_MiB_is_413()
    {
        var padding = new string('x', 6 * 1024 * 1024);
        var json = $"[{{\"eventId\":\"big\",\"type\":\"run.completed\",\"errorCode\":\"{padding}\"}}]";

        using var response = await _service.Ingest.PostAsync("/api/executions/events", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredEvents());
    }

    [Fact]
    public async Task A_batch_sent_twice_counts_once_even_after_a_restart()
    {
        var batch = Enumerable.Range(0, 50).Select(i => (JsonNode)ValidRun($"twice-{i}")).Append(ValidRun("twice-0")).ToArray();

        var first = await (await _service.Ingest.PostAsync("/api/executions/events", Batch(batch))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((50, 1), (first!["accepted"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()));

        await using var restarted = await postgres.RestartAsync(_service);
        using var again = await restarted.Ingest.PostAsync("/api/executions/events", Batch(batch));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var second = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((0, 51), (second!["accepted"]!.GetValue<int>(), second["duplicates"]!.GetValue<int>()));

        var o = await restarted.OverviewAsync("ws_1", "7d", "2026-11-29T00:00:00Z");
        Assert.Equal(50, o.ExecutionMetrics.TotalRuns);
        Assert.Equal(50m, o.ExecutionMetrics.TotalCreditsUsed);
    }

    [Fact]
    public async Task Late_and_out_of_order_events_give_the_numbers_of_in_order_ones()
    {
        var runs = Enumerable.Range(0, 200)
            .Select(i => Run($"ooo-{i}", "ws_1", $"ag_{i % 7}", $"u_{i % 11}", i % 5 == 0 ? "failed" : "succeeded",
                T.AddMinutes(-37 * i), 1 + i % 13, i % 3))
            .ToArray();

        await using var inOrder = postgres.NewService();
        await inOrder.Ingest.PostAsync("/api/executions/events", Batch(runs));
        foreach (var chunk in runs.Reverse().Chunk(23))
        {
            await _service.Ingest.PostAsync("/api/executions/events", Batch(chunk));
        }

        foreach (var timeframe in (string[])["24h", "7d", "30d", "all"])
        {
            var expected = await inOrder.OverviewAsync("ws_1", timeframe, "2026-11-28T10:00:00.001Z");
            var actual = await _service.OverviewAsync("ws_1", timeframe, "2026-11-28T10:00:00.001Z");
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
        }
    }

    [Fact]
    public async Task An_agent_keeps_its_latest_name_by_event_time_whatever_the_arrival_order()
    {
        // A read after each batch folds it alone, so each batch meets the stored agent in PostgreSQL.
        foreach (var (batch, name, firstSeen) in new[]
        {
            (Batch(AgentCreated("name-1", "ws_n", "ag", "Alpha", T.AddHours(-3))), (string?)null, T.AddHours(-3)),   // known, no run yet
            (Batch(Run("name-3", "ws_n", "ag", "u", "succeeded", T.AddHours(-1), 1, 1m, agentName: "Alpha")), "Alpha", T.AddHours(-3)),
            (Batch(Run("name-2", "ws_n", "ag", "u", "succeeded", T.AddHours(-2), 1, 1m, agentName: "Beta")), "Alpha", T.AddHours(-3)), // late: older than the last "Alpha"
            (Batch(Run("name-4", "ws_n", "ag", "u", "succeeded", T.AddHours(-4), 1, 1m)), "Alpha", T.AddHours(-4)), // late, unnamed: seen earlier
            (Batch(Run("name-5", "ws_n", "ag", "u", "succeeded", T.AddMinutes(-30), 1, 1m, agentName: "Gamma")), "Gamma", T.AddHours(-4)),
        })
        {
            using var response = await _service.Ingest.PostAsync("/api/executions/events", batch);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

            var top = (await _service.OverviewAsync("ws_n", "24h", Iso(T))).AgentMetrics.TopAgents;
            if (name is null)
            {
                Assert.Empty(top);
            }
            else
            {
                Assert.Equal(name, Assert.Single(top).Name);
            }
            Assert.Equal(0, (await _service.OverviewAsync("ws_n", "24h", Iso(firstSeen))).AgentMetrics.TotalAgents);
            Assert.Equal(1, (await _service.OverviewAsync("ws_n", "24h", Iso(firstSeen.AddMilliseconds(1)))).AgentMetrics.TotalAgents);
        }
    }
}
