using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using static ExecutiveDashboard.TestSupport.IngestJson;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// The ingest request every service shares, <c>POST {prefix}/events</c>: a batch is all or nothing; a bad event is a 400 problem
/// naming its index and field, a malformed body or another service's event a 400 problem, more than 5,000 events or 5 MiB a
/// 413; a refused batch stores nothing; an accepted one is a 202 that counts accepted and duplicate events, idempotent by
/// eventId across restarts. Which workspaces a token may send for is <see cref="DashboardAuthRulesTests{TService}"/>'s.
/// Each integration-test project runs it once through a small subclass that gives its events, bad ones included
/// (<typeparamref name="TBadEvents"/>, the subclass itself). What the events do to the numbers is each service's own ingest tests'.
/// </summary>
public abstract partial class IngestContractTests<TService, TBadEvents>(ServersFixture<TService> servers) : ServiceTests<TService>(servers)
    where TService : IServiceUnderTest
    where TBadEvents : IBadEvents
{
    public static TheoryData<JsonObject, string> BadEvents => TBadEvents.BadEvents;

    /// <summary>A valid event of workspace <c>ws_1</c> with the id <paramref name="eventId"/>.</summary>
    protected abstract JsonObject ValidEvent(string eventId);

    /// <summary>The type of another service's event, which this one refuses.</summary>
    protected abstract string ForeignEventType { get; }

    /// <summary>Valid events with distinct ids, for the duplicate tests.</summary>
    protected abstract JsonObject[] DistinctEvents();

    /// <summary>Checks what <paramref name="service"/> reads once <see cref="DistinctEvents"/> were sent twice: each counted once.</summary>
    protected abstract Task AssertCountedOnceAsync(TService service);

    /// <summary><paramref name="valid"/> with <paramref name="field"/> set to <paramref name="value"/> (<c>null</c>: a JSON null).</summary>
    protected static JsonObject With(JsonObject valid, string field, object? value)
    {
        valid[field] = value is null ? null : JsonSerializer.SerializeToNode(value);
        return valid;
    }

    private string Events => $"{Service.ApiPrefix}/events";

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task A_bad_event_refuses_the_whole_batch_naming_index_and_field(JsonObject bad, string key)
    {
        using var response = await Service.Ingest.PostAsync(Events, Batch(ValidEvent("ok-1"), bad));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(key), problem.ToJsonString());
        Assert.Contains("bad-1", problem["errors"]![key]![0]!.GetValue<string>());
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"eventId\":\"x\"}")]
    [InlineData("[]")]
    public async Task Malformed_bodies_are_refused(string body)
    {
        using var response = await Service.Ingest.PostAsync(Events, Body(body));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Another_services_event_is_refused()
    {
        using var response = await Service.Ingest.PostAsync(Events, Body($"[{{\"eventId\":\"x\",\"type\":\"{ForeignEventType}\"}}]"));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task More_than_5000_events_is_413()
    {
        var events = Enumerable.Range(0, 5_001).Select(i => (JsonNode)ValidEvent($"many-{i}")).ToArray();

        using var response = await Service.Ingest.PostAsync(Events, Batch(events));

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_over_5_MiB_is_413()
    {
        var big = ValidEvent("big");
        big["padding"] = new string('x', 6 * 1024 * 1024);

        using var response = await Service.Ingest.PostAsync(Events, Batch(big));

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_batch_sent_twice_counts_once_even_after_a_restart()
    {
        var events = DistinctEvents();
        var batch = events.Append(events[0]).ToArray<JsonNode>();

        Assert.Equal((events.Length, 1), await AcceptedAndDuplicatesAsync(Service, batch));

        await using var restarted = await Servers.RestartAsync(Service);
        Assert.Equal((0, events.Length + 1), await AcceptedAndDuplicatesAsync(restarted, batch));
        await AssertCountedOnceAsync(restarted);
    }

    private static async Task<(int Accepted, int Duplicates)> AcceptedAndDuplicatesAsync(TService service, JsonNode[] batch)
    {
        using var response = await service.Ingest.PostAsync($"{service.ApiPrefix}/events", Batch(batch));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var counts = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (counts["accepted"]!.GetValue<int>(), counts["duplicates"]!.GetValue<int>());
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.NotEmpty(Service.IngestTables);
        foreach (var table in Service.IngestTables)
        {
            Assert.Equal((table, 0L), (table, await Service.ScalarAsync($"SELECT count(*) FROM {table}")));
        }
    }
}
