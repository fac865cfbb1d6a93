using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Billing.IntegrationTests.Events;

namespace ExecutiveDashboard.Billing.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class IngestContractTests(BillingServersFixture servers)
    : IngestContractTests<BillingService, IngestContractTests>(servers), IBadEvents
{
    protected override JsonObject ValidEvent(string eventId) => Started(eventId, "ws_1", "2026-11-10T00:00:00Z", 100m);

    protected override string ForeignEventType => "run.completed";

    static TheoryData<JsonObject, string> IBadEvents.BadEvents => new()
    {
        { Started("bad-1", "ws_1", "2026-11-10T00:00:00Z", 100m, currency: "EUR"), "[1].currency" },
        { Spend("bad-1", "2026-11-10T00:00:00Z", 100m, currency: "GBP"), "[1].currency" },
        { Started("bad-1", "ws_1", "2026-11-10T00:00:00Z", -1m), "[1].amount" },
        { Started("bad-1", "ws_1", "2026-11-10T00:00:00Z", 100m, interval: "week"), "[1].interval" },
        { Started("bad-1", "all", "2026-11-10T00:00:00Z", 100m), "[1].workspaceId" },
        { Canceled("bad-1", "ws_1", "2026-11-10 00:00:00"), "[1].occurredAt" },
        { Trial("bad-1", "ws_1", "2026-11-10T00:00:00Z", "2026-11-09T00:00:00Z"), "[1].trialEndsAt" },
    };

    protected override JsonObject[] DistinctEvents() =>
        [ValidEvent("t-1"), Started("t-2", "ws_2", "2026-11-11T00:00:00Z", 50m), Spend("t-3", "2026-11-12T00:00:00Z", 10m)];

    protected override async Task AssertCountedOnceAsync(BillingService service)
    {
        var o = await service.OverviewAsync("all", "30d", "2026-12-01T00:00:00Z");
        Assert.Equal((150m, 2L, 5m), (o.BusinessMetrics.Mrr!.Value, o.BusinessMetrics.PaidWorkspaces!.Value, o.BusinessMetrics.Cac!.Value));
    }
}
