using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Users.IntegrationTests.Events;

namespace Users.IntegrationTests;

/// <summary>Ingest as events.md defines it: all or nothing, idempotent by eventId across restarts, authorised.</summary>
[Collection(ServersCollection.Name)]
public sealed class IngestTests(ServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTime T = At("2026-11-28T10:00:00Z");
    private UsersService _service = null!;

    public Task InitializeAsync()
    {
        _service = servers.NewService();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _service.DisposeAsync().AsTask();

    private static JsonObject ValidSignup(string id = "ok-1") => SignedUp(id, "ws_1", "u_1", T, "Ada Lovelace", "ada@example.com");

    private Task<long> StoredEvents() => _service.ScalarAsync("SELECT count(*) FROM ingested_events");

    public static TheoryData<string, string, object?> BadFields => new()
    {
        { "name", "[1].name", null },                     // required
        { "name", "[1].name", new string('x', 257) },
        { "email", "[1].email", new string('x', 257) },
        { "email", "[1].email", 42 },
        { "userId", "[1].userId", "has space" },
        { "workspaceId", "[1].workspaceId", "all" },      // reserved for the platform
        { "occurredAt", "[1].occurredAt", "2026-11-28 09:00:00" }, // no offset
        { "type", "[1].type", "user.deleted" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_event_refuses_the_whole_batch_naming_index_and_field(string field, string key, object? value)
    {
        var bad = ValidSignup("bad-1");
        bad[field] = value is null ? null : JsonSerializer.SerializeToNode(value);

        using var response = await _service.Ingest.PostAsync("/api/users/events", Batch(ValidSignup(), bad));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(key), problem.ToJsonString());
        Assert.Contains("bad-1", problem["errors"]![key]![0]!.GetValue<string>());
        Assert.Equal(0, await StoredEvents());
        Assert.Equal(0, await _service.ScalarAsync("SELECT count(*) FROM users"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("[{\"eventId\":\"x\",\"type\":\"run.completed\"}]")]
    public async Task Malformed_or_foreign_bodies_are_refused(string body)
    {
        using var response = await _service.Ingest.PostAsync("/api/users/events", Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await StoredEvents());
    }

    [Fact]
    public async Task A_batch_sent_twice_counts_once_even_after_a_restart()
    {
        var batch = Enumerable.Range(0, 30).Select(i => (JsonNode)Active($"twice-{i}", "ws_1", $"u_{i % 10}", T.AddMinutes(-i)))
            .Append(ValidSignup("twice-s")).Append(Active("twice-0", "ws_1", "u_0", T)).ToArray();

        using var firstResponse = await _service.Ingest.PostAsync("/api/users/events", Batch(batch));
        var first = await firstResponse.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((31, 1), (first!["accepted"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()));

        await using var restarted = await servers.RestartAsync(_service);
        using var again = await restarted.Ingest.PostAsync("/api/users/events", Batch(batch));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var second = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((0, 32), (second!["accepted"]!.GetValue<int>(), second["duplicates"]!.GetValue<int>()));

        var o = await restarted.OverviewAsync("ws_1", "24h", "2026-11-28T12:00:00Z");
        Assert.Equal(10, o.UserMetrics.Dau);        // u_0..u_9; u_1 also signed up
        Assert.Equal(10, o.UserMetrics.NewUsers);
        Assert.Equal(30, await restarted.ScalarAsync("SELECT count(*) FROM activity_events"));
    }

    [Fact]
    public async Task An_accepted_batch_goes_out_through_the_outbox()
    {
        using var response = await _service.Ingest.PostAsync("/api/users/events", Batch(ValidSignup(), Active("a-1", "ws_2", "u_1", T)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // One UserActivitiesRecorded and one MetricsChanged per workspace were enqueued with the events and
        // are deleted once the broker confirmed them.
        for (var i = 0; i < 100 && await _service.ScalarAsync("SELECT count(*) FROM outbox_messages") > 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, await _service.ScalarAsync("SELECT count(*) FROM outbox_messages"));
    }
}
