using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>1,000 random runs of three workspaces over the 40 days from <see cref="Origin"/>, sent once for every test of
/// <see cref="RollupConsistencyTests"/>, which only read them.</summary>
public sealed class RandomRunsFixture(ExecutionsServersFixture servers) : SeededService<ExecutionsService>(servers)
{
    public static readonly DateTime Origin = At("2026-10-20T00:00:00Z");

    protected override async Task SeedAsync(ExecutionsService service)
    {
        var random = new Random(20261129);
        var runs = Enumerable.Range(0, 1_000).Select(i => (JsonNode)Run(
            $"rnd-{i}", $"ws_{random.Next(3)}", $"ag_{random.Next(12)}", $"u_{random.Next(40)}",
            random.NextDouble() < 0.15 ? "failed" : "succeeded",
            Origin.AddMilliseconds(random.NextInt64((long)TimeSpan.FromDays(40).TotalMilliseconds)),
            Math.Round(random.NextDouble() * random.Next(1, 600), 3),
            Math.Round((decimal)random.NextDouble() * 20, 2))).ToArray();
        foreach (var batch in runs.Chunk(250))
        {
            using var response = await service.Ingest.PostAsync("/api/executions/events", Batch(batch));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }
}
