using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using static ExecutiveDashboard.Billing.IntegrationTests.Events;

namespace ExecutiveDashboard.Billing.IntegrationTests;

/// <summary>The target size (2,000 workspaces, 5,000 subscription events) with the overview's latency printed,
/// not asserted; the numbers must still match what the history says.</summary>
[Collection(ServersCollection.Name)]
public sealed class ScaleTests(BillingServersFixture servers, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_thousand_workspaces_read_from_intervals()
    {
        await using var service = servers.NewService();
        var start = At("2026-03-01T00:00:00Z");   // the last cancel, 226 days later, is not in the future
        var events = new List<JsonNode>();
        for (var w = 0; w < 2_000; w++)
        {
            var at = start.AddHours(w * 2);
            events.Add(Started($"s-{w}", $"ws_{w}", Iso(at), 100m));
            events.Add(Changed($"c-{w}", $"ws_{w}", Iso(at.AddDays(30)), 120m));
            if (w % 2 == 0)
            {
                events.Add(Canceled($"x-{w}", $"ws_{w}", Iso(at.AddDays(60))));
            }
        }
        events.Add(Spend("spend", Iso(start), 1000m));

        var ingest = Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(2_500))
        {
            using var response = await service.Ingest.PostAsync("/api/billing/events", Batch(chunk));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        output.WriteLine($"ingest of {events.Count} events: {ingest.ElapsedMilliseconds} ms");

        const string asOf = "2026-11-01T00:00:00Z"; // every change and cancel has happened
        await service.OverviewAsync("all", "90d", asOf); // warm up
        foreach (var timeframe in (string[])["7d", "30d", "90d", "all"])
        {
            var watch = Stopwatch.StartNew();
            const int Reads = 20;
            for (var i = 0; i < Reads; i++)
            {
                await service.OverviewAsync("all", timeframe, asOf);
            }
            output.WriteLine($"overview all/{timeframe}: {watch.Elapsed.TotalMilliseconds / Reads:F1} ms per read");
        }

        var o = await service.OverviewAsync("all", "all", asOf);
        Assert.Equal(1_000 * 120m, o.BusinessMetrics.Mrr);
        Assert.Equal(new ExecutiveDashboard.Contracts.Dashboard.MrrMovements(200_000m, 40_000m, 0m, 120_000m, 0m), o.MrrMovements);
        Assert.Equal(0.5m, o.BusinessMetrics.Cac);
    }

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
