using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Billing.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class HostileIngestTests(BillingServersFixture servers) : HostileIngestTests<BillingService>(servers)
{
    protected override JsonObject[] ValidEvents(string workspace, DateTime at) =>
    [
        Events.Trial("id", workspace, Iso(at), Iso(at.AddDays(14))),
        Events.Started("id", workspace, Iso(at), 49.5m),
        Events.Changed("id", workspace, Iso(at), 99m, "year"),
        Events.Canceled("id", workspace, Iso(at)),
        Events.Spend("id", Iso(at), 1200m),
    ];

    protected override string TextField => "plan";
}
