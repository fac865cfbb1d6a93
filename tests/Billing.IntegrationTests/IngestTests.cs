using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Billing.IntegrationTests.Events;

namespace ExecutiveDashboard.Billing.IntegrationTests;

/// <summary>Ingest as billing defines it: one reporting currency, amounts kept to the millionth, marketing spend only with a
/// platform grant, integration events in the outbox. The request itself (limits, refusals, duplicates) is
/// <see cref="IngestContractTests"/>'s.</summary>
[Collection(ServersCollection.Name)]
public sealed class IngestTests(BillingServersFixture servers) : ServiceTests<BillingService>(servers)
{
    private const string AsOf = "2026-12-01T00:00:00Z";

    private static JsonObject Valid(string id = "ok-1") => Started(id, "ws_1", "2026-11-10T00:00:00Z", 100m);

    private Task<long> StoredEvents() => Service.ScalarAsync("SELECT count(*) FROM ingested_events");

    [Fact]
    public async Task Another_currency_is_refused_with_a_clear_message()
    {
        using var response = await Service.Ingest.PostAsync("/api/billing/events",
            Batch(Valid(), Started("eur-1", "ws_2", "2026-11-10T00:00:00Z", 100m, currency: "EUR")));

        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("event 1 (eur-1, subscription.started): 'EUR' is not the reporting currency USD; convert amounts to USD before sending them",
            problem!["errors"]!["[1].currency"]![0]!.GetValue<string>());
        Assert.Equal(0, await StoredEvents());
    }

    [Fact]
    public async Task The_outbox_holds_the_integration_events_of_the_batch()
    {
        // The dispatcher deletes what it has published: count every row ever inserted through the sequence.
        using var response = await Service.Ingest.PostAsync("/api/billing/events",
            Batch(Valid("o-1"), Changed("o-2", "ws_1", "2026-11-12T00:00:00Z", 1200m, "year"), Spend("o-3", "2026-11-12T00:00:00Z", 10m)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // 2 SubscriptionChanged (ws_1) + one MetricsChangedBatch (ws_1 and all).
        Assert.Equal(3, await Service.ScalarAsync("SELECT last_value FROM outbox_messages_id_seq"));
    }

    [Fact]
    public async Task Marketing_spend_needs_a_platform_grant()
    {
        // Marketing spend belongs to the platform: a workspace grant is not enough. (The role and workspace rules
        // every service shares are in AuthRulesTests.)
        using var spend = await Service.ClientFor("ingest", "ws_1").PostAsync("/api/billing/events",
            Batch(Valid(), Spend("sp-1", "2026-11-10T00:00:00Z", 5m)));
        Assert.Equal(HttpStatusCode.Forbidden, spend.StatusCode);
        Assert.Equal(0, await StoredEvents());

        using var own = await Service.ClientFor("ingest", "ws_1").PostAsync("/api/billing/events", Batch(Valid()));
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
    }

    [Fact]
    public async Task Amounts_are_kept_to_the_millionth_so_that_their_sums_read_back()
    {
        // Summed as sent, 10^7 + 10^-28 has more digits than a decimal holds: reading the platform's spend back failed.
        using var response = await Service.Ingest.PostAsync("/api/billing/events", Batch(Valid(),
            Spend("sp-1", "2026-11-10T00:00:00Z", 10_000_000m), Spend("sp-2", "2026-11-11T00:00:00Z", 0.0000000000000000000000000001m)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var o = await Service.OverviewAsync("all", "30d", AsOf);

        Assert.Equal(10_000_000m, o.BusinessMetrics.Cac);   // one new paying workspace
        Assert.Equal(0, await Service.ScalarAsync("SELECT count(*) FROM marketing_spend WHERE scale(amount) > 6"));
    }

    [Fact]
    public async Task Json_is_camelCase_with_utc_times()
    {
        using (var response = await Service.Ingest.PostAsync("/api/billing/events", Batch(Valid())))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var json = JsonNode.Parse(await Service.OverviewJsonAsync("ws_1", "7d", AsOf))!;
        Assert.Equal("2026-11-24T00:00:00Z", json["period"]!["start"]!.GetValue<string>());
        Assert.Equal(100m, json["businessMetrics"]!["mrr"]!.GetValue<decimal>());
        Assert.Null(json["businessMetrics"]!["activeWorkspaces"]);
        Assert.True(json["businessMetrics"]!.AsObject().ContainsKey("activeWorkspaces"));
        Assert.Equal(JsonValueKind.Number, JsonSerializer.SerializeToElement(json["mrrMovements"]!["new"]).ValueKind);
    }
}
