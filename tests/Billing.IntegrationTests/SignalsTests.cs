using System.Net;
using System.Net.Http.Json;
using ExecutiveDashboard.Contracts.Signals;
using static Billing.IntegrationTests.Events;

namespace Billing.IntegrationTests;

/// <summary><c>GET /api/billing/signals</c>: MRR at asOf and a day earlier, each the state before that instant.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SignalsTests(PostgresFixture postgres)
{
    private const string AsOf = "2026-11-28T12:00:00Z";

    [Fact]
    public async Task Mrr_now_and_a_day_before()
    {
        await using var service = postgres.NewService();
        using (var response = await service.Ingest.PostAsync("/api/billing/events", Batch(
            Started("a-1", "A", "2026-11-01T00:00:00Z", 1000m),
            Changed("a-2", "A", "2026-11-28T06:00:00Z", 900m),
            Canceled("a-3", "A", AsOf),                      // at asOf: not yet
            Started("b-1", "B", "2026-11-28T11:59:59Z", 6000m, "year"))))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var a = (await service.Ceo.GetFromJsonAsync<BillingSignals>($"/api/billing/signals?workspace_id=A&asOf={AsOf}"))!;
        Assert.Equal((900m, 1000m), (a.Mrr, a.MrrDayBefore));
        var all = (await service.Ceo.GetFromJsonAsync<BillingSignals>($"/api/billing/signals?workspace_id=all&asOf={AsOf}"))!;
        Assert.Equal((1400m, 1000m), (all.Mrr, all.MrrDayBefore)); // 900 + 6000 / 12

        using var member = await service.ClientFor("member", "*").GetAsync($"/api/billing/signals?workspace_id=A&asOf={AsOf}");
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        using var asService = await service.ClientFor("service", "*").GetAsync($"/api/billing/signals?workspace_id=A&asOf={AsOf}");
        Assert.Equal(HttpStatusCode.OK, asService.StatusCode);
    }
}
