using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Executions.IntegrationTests.Events;

namespace ExecutiveDashboard.Executions.IntegrationTests;

/// <summary>1,600 random runs of three workspaces around the 2026 daylight-saving changes of New York (03-08, 11-01) and Lord
/// Howe (04-05, 10-04): 02-10 to 04-20 and 09-20 to 11-20, for <see cref="LocalBucketsTests"/>, which only reads them.</summary>
public sealed class ZonedRunsFixture(ExecutionsServersFixture servers) : SeededService<ExecutionsService>(servers)
{
    private static readonly (DateTime From, TimeSpan Length)[] Spans =
        [(At("2026-02-10T00:00:00Z"), TimeSpan.FromDays(69)), (At("2026-09-20T00:00:00Z"), TimeSpan.FromDays(61))];

    protected override async Task SeedAsync(ExecutionsService service)
    {
        var random = new Random(20260308);
        var runs = Enumerable.Range(0, 1_600).Select(i =>
        {
            var (from, length) = Spans[i % 2];
            return (JsonNode)Run($"tz-{i}", $"ws_{random.Next(3)}", $"ag_{random.Next(12)}", $"u_{random.Next(40)}",
                random.NextDouble() < 0.15 ? "failed" : "succeeded",
                from.AddMilliseconds(random.NextInt64((long)length.TotalMilliseconds)),
                Math.Round(random.NextDouble() * random.Next(1, 600), 3),
                Math.Round((decimal)random.NextDouble() * 20, 2));
        }).ToArray();
        foreach (var batch in runs.Chunk(400))
        {
            using var response = await service.Ingest.PostAsync("/api/executions/events", Batch(batch));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }
}
