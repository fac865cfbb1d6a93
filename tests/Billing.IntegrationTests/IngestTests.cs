using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Billing.IntegrationTests.Events;

namespace Billing.IntegrationTests;

/// <summary>Ingest as events.md defines it: one reporting currency, all or nothing, idempotent by eventId
/// across restarts, and only for the workspaces of the token (marketing spend: the platform).</summary>
[Collection(PostgresCollection.Name)]
public sealed class IngestTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string AsOf = "2026-12-01T00:00:00Z";
    private BillingService _service = null!;

    public Task InitializeAsync()
    {
        _service = postgres.NewService();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _service.DisposeAsync().AsTask();

    private static JsonObject Valid(string id = "ok-1") => Started(id, "ws_1", "2026-11-10T00:00:00Z", 100m);

    private Task<long> StoredEvents() => _service.ScalarAsync("SELECT count(*) FROM ingested_events");

    public static TheoryData<JsonObject, string> BadEvents => new()
    {
        { Started("bad-1", "ws_1", "2026-11-10T00:00:00Z", 100m, currency: "EUR"), "[1].currency" },
        { Spend("bad-1", "2026-11-10T00:00:00Z", 100m, currency: "GBP"), "[1].currency" },
        { Started("bad-1", "ws_1", "2026-11-10T00:00:00Z", -1m), "[1].amount" },
        { Started("bad-1", "ws_1", "2026-11-10T00:00:00Z", 100m, interval: "week"), "[1].interval" },
        { Started("bad-1", "all", "2026-11-10T00:00:00Z", 100m), "[1].workspaceId" },
        { Canceled("bad-1", "ws_1", "2026-11-10 00:00:00"), "[1].occurredAt" },
        { Trial("bad-1", "ws_1", "2026-11-10T00:00:00Z", "2026-11-09T00:00:00Z"), "[1].trialEndsAt" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task A_bad_event_refuses_the_whole_batch_naming_index_and_field(JsonObject bad, string key)
    {
        using var response = await _service.Ingest.PostAsync("/api/billing/events", Batch(Valid(), bad));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(key), problem.ToJsonString());
        Assert.Contains("bad-1", problem["errors"]![key]![0]!.GetValue<string>());
        Assert.Equal(0, await StoredEvents());
        Assert.Equal(0, await _service.ScalarAsync("SELECT count(*) FROM workspace_states"));
    }

    [Fact]
    public async Task Another_currency_is_refused_with_a_clear_message()
    {
        using var response = await _service.Ingest.PostAsync("/api/billing/events",
            Batch(Valid(), Started("eur-1", "ws_2", "2026-11-10T00:00:00Z", 100m, currency: "EUR")));

        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("event 1 (eur-1, subscription.started): 'EUR' is not the reporting currency USD; convert amounts to USD before sending them",
            problem!["errors"]!["[1].currency"]![0]!.GetValue<string>());
        Assert.Equal(0, await StoredEvents());
    }

    [Fact]
    public async Task A_batch_sent_twice_counts_once_even_after_a_restart()
    {
        JsonNode[] batch = [Valid("t-1"), Started("t-2", "ws_2", "2026-11-11T00:00:00Z", 50m), Spend("t-3", "2026-11-12T00:00:00Z", 10m), Valid("t-1")];

        using var first = await _service.Ingest.PostAsync("/api/billing/events", Batch(batch));
        var accepted = await first.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((3, 1), (accepted!["accepted"]!.GetValue<int>(), accepted["duplicates"]!.GetValue<int>()));

        await using var restarted = await postgres.RestartAsync(_service);
        using var again = await restarted.Ingest.PostAsync("/api/billing/events", Batch(batch));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var second = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((0, 4), (second!["accepted"]!.GetValue<int>(), second["duplicates"]!.GetValue<int>()));

        var o = await restarted.OverviewAsync("all", "30d", AsOf);
        Assert.Equal((150m, 2L, 5m), (o.BusinessMetrics.Mrr!.Value, o.BusinessMetrics.PaidWorkspaces!.Value, o.BusinessMetrics.Cac!.Value));
    }

    [Fact]
    public async Task The_outbox_holds_the_integration_events_of_the_batch()
    {
        // The dispatcher deletes what it has published: count every row ever inserted through the sequence.
        using var response = await _service.Ingest.PostAsync("/api/billing/events",
            Batch(Valid("o-1"), Changed("o-2", "ws_1", "2026-11-12T00:00:00Z", 1200m, "year"), Spend("o-3", "2026-11-12T00:00:00Z", 10m)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // 2 SubscriptionChanged (ws_1) + one MetricsChangedBatch (ws_1 and all).
        Assert.Equal(3, await _service.ScalarAsync("SELECT last_value FROM outbox_messages_id_seq"));
    }

    [Fact]
    public async Task Marketing_spend_needs_a_platform_grant()
    {
        // Marketing spend belongs to the platform: a workspace grant is not enough. (The role and workspace rules
        // every service shares are in AuthRulesTests.)
        using var spend = await _service.ClientFor("ingest", "ws_1").PostAsync("/api/billing/events",
            Batch(Valid(), Spend("sp-1", "2026-11-10T00:00:00Z", 5m)));
        Assert.Equal(HttpStatusCode.Forbidden, spend.StatusCode);
        Assert.Equal(0, await StoredEvents());

        using var own = await _service.ClientFor("ingest", "ws_1").PostAsync("/api/billing/events", Batch(Valid()));
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
    }

    [Fact]
    public async Task Amounts_are_kept_to_the_millionth_so_that_their_sums_read_back()
    {
        // Summed as sent, 10^7 + 10^-28 has more digits than a decimal holds: reading the platform's spend back failed.
        using var response = await _service.Ingest.PostAsync("/api/billing/events", Batch(Valid(),
            Spend("sp-1", "2026-11-10T00:00:00Z", 10_000_000m), Spend("sp-2", "2026-11-11T00:00:00Z", 0.0000000000000000000000000001m)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var o = await _service.OverviewAsync("all", "30d", AsOf);

        Assert.Equal(10_000_000m, o.BusinessMetrics.Cac);   // one new paying workspace
        Assert.Equal(0, await _service.ScalarAsync("SELECT count(*) FROM marketing_spend WHERE scale(amount) > 6"));
    }

    [Fact]
    public async Task Json_is_camelCase_with_utc_times()
    {
        await _service.Ingest.PostAsync("/api/billing/events", Batch(Valid()));

        var json = JsonNode.Parse(await _service.OverviewJsonAsync("ws_1", "7d", AsOf))!;
        Assert.Equal("2026-11-24T00:00:00Z", json["period"]!["start"]!.GetValue<string>());
        Assert.Equal(100m, json["businessMetrics"]!["mrr"]!.GetValue<decimal>());
        Assert.Null(json["businessMetrics"]!["activeWorkspaces"]);
        Assert.True(json["businessMetrics"]!.AsObject().ContainsKey("activeWorkspaces"));
        Assert.Equal(JsonValueKind.Number, JsonSerializer.SerializeToElement(json["mrrMovements"]!["new"]).ValueKind);
    }
}
