using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>What ingest does to the executions numbers: late and out-of-order events count as in-order ones, and an agent keeps
/// its latest name by event time. The request itself (limits, refusals, duplicates) is <see cref="IngestContractTests"/>'s.</summary>
[Collection(ServersCollection.Name)]
public sealed class IngestTests(ExecutionsServersFixture servers) : ServiceTests<ExecutionsService>(servers)
{
    private static readonly DateTime T = At("2026-11-28T10:00:00Z");

    [Fact]
    public async Task Late_and_out_of_order_events_give_the_numbers_of_in_order_ones()
    {
        // Oldest first: runs every 37 minutes up to T.
        var runs = Enumerable.Range(0, 200).Reverse()
            .Select(i => (JsonNode)Run($"ooo-{i}", "ws_1", $"ag_{i % 7}", $"u_{i % 11}", i % 5 == 0 ? "failed" : "succeeded",
                T.AddMinutes(-37 * i), 1 + i % 13, i % 3))
            .ToArray();
        var random = new Random(20261128);

        await using var inOrder = Servers.NewService();
        await IngestAsync(inOrder, runs);
        await IngestAsync(Service, runs.Reverse());   // every batch older than the last
        await using var shuffled = Servers.NewService();
        await IngestAsync(shuffled, runs.OrderBy(_ => random.Next()));

        Assert.Equal(200, (await inOrder.OverviewAsync("ws_1", "all", "2026-11-28T10:00:00.001Z")).ExecutionMetrics.TotalRuns);
        foreach (var timeframe in (string[])["24h", "7d", "30d", "all"])
        {
            var expected = JsonSerializer.Serialize(await inOrder.OverviewAsync("ws_1", timeframe, "2026-11-28T10:00:00.001Z"));
            Assert.Equal(expected, JsonSerializer.Serialize(await Service.OverviewAsync("ws_1", timeframe, "2026-11-28T10:00:00.001Z")));
            Assert.Equal(expected, JsonSerializer.Serialize(await shuffled.OverviewAsync("ws_1", timeframe, "2026-11-28T10:00:00.001Z")));
        }
    }

    /// <summary>Sends <paramref name="runs"/> in batches of 23, in the order given, each accepted.</summary>
    private static async Task IngestAsync(ExecutionsService service, IEnumerable<JsonNode> runs)
    {
        foreach (var chunk in runs.Chunk(23))
        {
            using var response = await service.Ingest.PostAsync("/api/executions/events", Batch(chunk));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
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
            using var response = await Service.Ingest.PostAsync("/api/executions/events", batch);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

            var top = (await Service.OverviewAsync("ws_n", "24h", Iso(T))).AgentMetrics.TopAgents;
            if (name is null)
            {
                Assert.Empty(top);
            }
            else
            {
                Assert.Equal(name, Assert.Single(top).Name);
            }
            Assert.Equal(0, (await Service.OverviewAsync("ws_n", "24h", Iso(firstSeen))).AgentMetrics.TotalAgents);
            Assert.Equal(1, (await Service.OverviewAsync("ws_n", "24h", Iso(firstSeen.AddMilliseconds(1)))).AgentMetrics.TotalAgents);
        }
    }
}
