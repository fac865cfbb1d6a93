using System.Net;
using System.Net.Http.Json;
using ExecutiveDashboard.Contracts.Signals;
using static ExecutiveDashboard.Billing.IntegrationTests.Events;

namespace ExecutiveDashboard.Billing.IntegrationTests;

/// <summary><c>POST /api/billing/signals</c>: MRR at asOf and a day earlier, each the state before that instant, for many
/// scopes in one request.</summary>
[Collection(ServersCollection.Name)]
public sealed class SignalsTests(BillingServersFixture servers)
{
    private const string AsOf = "2026-11-28T12:00:00Z";

    [Fact]
    public async Task Mrr_now_and_a_day_before()
    {
        await using var service = servers.NewService();
        using (var response = await service.Ingest.PostAsync("/api/billing/events", Batch(
            Started("a-1", "A", "2026-11-01T00:00:00Z", 1000m),
            Changed("a-2", "A", "2026-11-28T06:00:00Z", 900m),
            Canceled("a-3", "A", AsOf),                      // at asOf: not yet
            Started("b-1", "B", "2026-11-28T11:59:59Z", 6000m, "year"))))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        using var read = await service.Ceo.PostAsJsonAsync("/api/billing/signals", new { scopes = new[] { "A", "B", "all", "none" }, asOf = AsOf });
        var signals = (await read.Content.ReadFromJsonAsync<Dictionary<string, BillingSignals>>())!;
        Assert.Equal(["A", "B", "all", "none"], signals.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((900m, 1000m), (signals["A"].Mrr, signals["A"].MrrDayBefore));
        Assert.Equal((500m, 0m), (signals["B"].Mrr, signals["B"].MrrDayBefore));        // 6000 / 12, started within the day
        Assert.Equal((1400m, 1000m), (signals["all"].Mrr, signals["all"].MrrDayBefore)); // 900 + 500
        Assert.Equal((0m, 0m), (signals["none"].Mrr, signals["none"].MrrDayBefore));

        var query = new { scopes = new[] { "A" }, asOf = AsOf };
        using var member = await service.ClientFor("member", "*").PostAsJsonAsync("/api/billing/signals", query);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        using var otherWorkspace = await service.ClientFor("admin", "B").PostAsJsonAsync("/api/billing/signals", query);
        Assert.Equal(HttpStatusCode.Forbidden, otherWorkspace.StatusCode);
        using var asService = await service.ClientFor("service", "*").PostAsJsonAsync("/api/billing/signals", query);
        Assert.Equal(HttpStatusCode.OK, asService.StatusCode);
        Assert.Null(signals["A"].Daily);

        // With days = 2: MRR and paid workspaces at asOf − 2 days, asOf − 1 day and asOf, for the goals.
        using var daily = await service.Ceo.PostAsJsonAsync("/api/billing/signals", new { scopes = new[] { "A", "all" }, asOf = AsOf, days = 2 });
        var withDays = (await daily.Content.ReadFromJsonAsync<Dictionary<string, BillingSignals>>())!;
        DateTime[] instants = [At("2026-11-26T12:00:00Z"), At("2026-11-27T12:00:00Z"), At(AsOf)];
        Assert.Equal([new(instants[0], 1000m, 1), new(instants[1], 1000m, 1), new BillingDay(instants[2], 900m, 1)], withDays["A"].Daily!);
        // B's yearly 6,000 (500 a month) started a second before asOf: two paid workspaces at asOf.
        Assert.Equal([new(instants[0], 1000m, 1), new(instants[1], 1000m, 1), new BillingDay(instants[2], 1400m, 2)], withDays["all"].Daily!);
        Assert.Equal(signals["A"], withDays["A"] with { Daily = null });
    }

    private static DateTime At(string iso) => DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
