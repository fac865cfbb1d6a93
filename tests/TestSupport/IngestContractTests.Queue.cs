using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;
using static ExecutiveDashboard.TestSupport.IngestJson;

namespace ExecutiveDashboard.TestSupport;

/// <summary>The same contract over the bus: a batch published raw to the service's ingest queue is read and stored as the
/// HTTP body is, its event ids claimed across both ways, and a batch HTTP would refuse lands in the error queue with the
/// problem HTTP would answer, storing nothing.</summary>
public abstract partial class IngestContractTests<TService, TBadEvents>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_batch_published_raw_is_counted_once_after_the_same_events_over_HTTP()
    {
        var events = DistinctEvents();
        var half = events.Length / 2;
        using (var first = await Service.Ingest.PostAsync(Events, Batch(events[..half])))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }
        await using var queue = Service.IngestQueue();

        await queue.PublishAsync(await Batch(events).ReadAsStringAsync());

        await UntilClaimedAsync(events.Length);
        await AssertCountedOnceAsync(Service);
    }

    [Fact]
    public async Task Events_published_raw_are_duplicates_over_HTTP()
    {
        var events = DistinctEvents();
        var half = events.Length / 2;
        await using var queue = Service.IngestQueue();

        await queue.PublishAsync(await Batch(events[..half]).ReadAsStringAsync());
        await UntilClaimedAsync(half);

        using var response = await Service.Ingest.PostAsync(Events, Batch(events));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var counts = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((events.Length - half, half), (counts["accepted"]!.GetValue<int>(), counts["duplicates"]!.GetValue<int>()));
        await AssertCountedOnceAsync(Service);
        Assert.Equal(0u, await queue.RefusedCountAsync());
    }

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task A_published_batch_with_a_bad_event_is_dead_lettered_naming_index_and_field(JsonObject bad, string key)
    {
        await using var queue = Service.IngestQueue();
        var body = await Batch(ValidEvent("ok-1"), bad).ReadAsStringAsync();

        await queue.PublishAsync(body);

        var (problem, refused) = await queue.NextRefusedAsync(Patience);
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey(key), problem.ToJsonString());
        Assert.Contains("bad-1", problem["errors"]![key]![0]!.GetValue<string>());
        Assert.Equal(body, System.Text.Encoding.UTF8.GetString(refused));
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("{not json", 400, "Malformed JSON")]
    [InlineData("{\"eventId\":\"x\"}", 400, "Invalid event batch")]
    [InlineData("[]", 400, "Invalid event batch")]
    public async Task Malformed_published_batches_are_dead_lettered(string body, int status, string title)
    {
        await using var queue = Service.IngestQueue();

        await queue.PublishAsync(body);

        await AssertDeadLetteredAsync(queue, status, title);
    }

    [Fact]
    public async Task A_published_batch_of_more_than_5000_events_is_dead_lettered()
    {
        await using var queue = Service.IngestQueue();
        var events = Enumerable.Range(0, 5_001).Select(i => (JsonNode)ValidEvent($"many-{i}")).ToArray();

        await queue.PublishAsync(await Batch(events).ReadAsStringAsync());

        var problem = await AssertDeadLetteredAsync(queue, 413, "Batch too large");
        Assert.Contains("5,001 events", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_published_body_over_5_MiB_is_dead_lettered()
    {
        await using var queue = Service.IngestQueue();
        var big = ValidEvent("big");
        big["padding"] = new string('x', 6 * 1024 * 1024);

        await queue.PublishAsync(await Batch(big).ReadAsStringAsync());

        await AssertDeadLetteredAsync(queue, 413, "Batch too large");
    }

    private async Task<JsonObject> AssertDeadLetteredAsync(IngestQueueClient queue, int status, string title)
    {
        var (problem, _) = await queue.NextRefusedAsync(Patience);
        Assert.Equal((status, title), (problem["status"]!.GetValue<int>(), problem["title"]!.GetValue<string>()));
        Assert.NotEmpty(problem["detail"]!.GetValue<string>());
        await AssertNothingStoredAsync();
        return problem;
    }

    private Task UntilClaimedAsync(int count) => Poll.UntilAsync($"{count} event ids claimed",
        async () => await Service.ScalarAsync("SELECT count(*) FROM ingested_events") == count, Patience);
}
