using System.Text.Json.Nodes;
using TestSupport;

namespace Billing.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class HostileIngestTests(PostgresFixture postgres) : HostileIngestTests<BillingService>(postgres)
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

    protected override string[] StoredTables => ["ingested_events", "subscription_events", "marketing_spend", "workspaces"];
}
