using System.Text.Json;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Simulator.Generation.Events;
using ServiceBillingEvent = ExecutiveDashboard.Contracts.Ingest.BillingEvent;

namespace ExecutiveDashboard.Simulator.UnitTests;

/// <summary>The generated events are those of docs/events.md: the services' own parsers accept every batch, the JSON has
/// exactly the documented fields, ids are unique, timestamps are UTC with a Z, inside the period, and each stream
/// is in time order as it is posted.</summary>
[Collection(DemoDatasetCollection.Name)]
public sealed class EventContractTests(DemoDataset demo)
{
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["user.signed_up"] = ["eventId", "type", "workspaceId", "userId", "occurredAt", "name", "email"],
        ["user.active"] = ["eventId", "type", "workspaceId", "userId", "occurredAt"],
        ["agent.created"] = ["eventId", "type", "workspaceId", "agentId", "agentName", "occurredAt"],
        ["run.completed"] = ["eventId", "type", "workspaceId", "runId", "agentId", "agentName", "userId", "status", "startedAt", "completedAt", "credits", "errorCode"],
        ["trial.started"] = ["eventId", "type", "workspaceId", "plan", "occurredAt", "trialEndsAt"],
        ["trial.ended"] = ["eventId", "type", "workspaceId", "occurredAt"],
        ["subscription.started"] = ["eventId", "type", "workspaceId", "plan", "interval", "amount", "currency", "occurredAt"],
        ["subscription.changed"] = ["eventId", "type", "workspaceId", "plan", "interval", "amount", "currency", "occurredAt"],
        ["subscription.canceled"] = ["eventId", "type", "workspaceId", "occurredAt"],
        ["marketing.spend"] = ["eventId", "type", "amount", "currency", "occurredAt", "channel"],
    };

    [Fact]
    public void Every_batch_passes_the_services_own_validation()
    {
        Validate(demo.Users, UserEvent.Types, UserEvent.Parse);
        Validate(demo.Executions, ExecutionEvent.Types, ExecutionEvent.Parse);
        Validate(demo.Billing, ServiceBillingEvent.Types, ServiceBillingEvent.Parser(ServiceBillingEvent.DefaultReportingCurrency));
    }

    [Fact]
    public void Every_type_of_events_md_is_generated_with_exactly_its_fields()
    {
        var seen = new HashSet<string>();
        foreach (var batch in demo.All.Chunk(1_000))
        {
            using var json = JsonDocument.Parse(EventJson.Serialize(batch));
            foreach (var element in json.RootElement.EnumerateArray())
            {
                var type = element.GetProperty("type").GetString()!;
                if (seen.Add(type))
                {
                    Assert.Equal(Fields[type].Order(), element.EnumerateObject().Select(p => p.Name).Order());
                }
            }
        }
        Assert.Equal(Fields.Keys.Order(), seen.Order());
    }

    [Fact]
    public void Timestamps_are_utc_with_a_Z_and_inside_the_period()
    {
        var start = demo.Simulation.Start;
        var end = demo.Simulation.End;
        foreach (var batch in demo.All.Chunk(1_000))
        {
            using var json = JsonDocument.Parse(EventJson.Serialize(batch));
            foreach (var element in json.RootElement.EnumerateArray())
            {
                foreach (var field in new[] { "occurredAt", "startedAt", "completedAt" })
                {
                    if (element.TryGetProperty(field, out var value))
                    {
                        var text = value.GetString()!;
                        Assert.EndsWith("Z", text);
                        var instant = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
                        Assert.InRange(instant, start, end.AddTicks(-1));
                    }
                }
            }
        }
        Assert.All(demo.Billing.OfType<TrialStarted>(), t => Assert.True(t.TrialEndsAt > t.OccurredAt));
        Assert.All(demo.Runs, r => Assert.True(r.CompletedAt >= r.StartedAt));
    }

    [Fact]
    public void Each_stream_is_in_time_order()
    {
        foreach (var stream in new[] { demo.Users, demo.Executions, demo.Billing })
        {
            for (var i = 1; i < stream.Count; i++)
            {
                Assert.True(stream[i - 1].OccurredAt <= stream[i].OccurredAt, $"{stream[i - 1].EventId} after {stream[i].EventId}");
            }
        }
    }

    [Fact]
    public void Ids_are_unique_and_valid()
    {
        var eventIds = demo.All.Select(e => e.EventId).ToList();
        Assert.Equal(eventIds.Count, eventIds.Distinct().Count());
        Assert.All(eventIds, id => Assert.True(EventFields.IsValidId(id), id));
        var runIds = demo.Runs.Select(r => r.RunId).ToList();
        Assert.Equal(runIds.Count, runIds.Distinct().Count());
        var userIds = demo.Users.OfType<UserSignedUp>().Select(s => s.UserId).ToList();
        Assert.Equal(userIds.Count, userIds.Distinct().Count());
        Assert.All(demo.Runs, r => Assert.True(EventFields.IsValidId(r.WorkspaceId) && EventFields.IsValidId(r.AgentId) && EventFields.IsValidId(r.UserId)));
    }

    [Fact]
    public void Sizes_are_those_asked_for()
    {
        var options = demo.Simulation.Options;
        Assert.Equal(options.Runs, demo.Runs.LongCount());
        Assert.Equal(options.Users, demo.Users.OfType<UserSignedUp>().Count());
        Assert.Equal(options.UserActiveEvents, demo.Users.OfType<UserActive>().LongCount());
        Assert.Equal(options.Workspaces, demo.Users.OfType<UserSignedUp>().Select(s => s.WorkspaceId).Distinct().Count());
        Assert.Equal(demo.Simulation.CountOf(EventStream.Users), demo.Users.Count);
        Assert.Equal(demo.Simulation.CountOf(EventStream.Executions), demo.Executions.Count);
        Assert.Equal(demo.Simulation.CountOf(EventStream.Billing), demo.Billing.Count);
    }

    [Fact]
    public void Money_is_in_USD_with_at_most_two_decimals()
    {
        var amounts = demo.Billing.OfType<SubscriptionPriced>().Select(s => s.Amount)
            .Concat(demo.Billing.OfType<MarketingSpend>().Select(s => s.Amount))
            .Concat(demo.Runs.Select(r => r.Credits))
            .ToList();
        Assert.All(amounts, a => Assert.True(a >= 0 && decimal.Round(a, 2) == a, $"{a}"));
        Assert.All(demo.Billing.OfType<SubscriptionPriced>(), s => Assert.True(s.Amount > 0 && s.Interval is "month" or "year"));
    }

    private static void Validate<T>(IReadOnlyList<PlatformEvent> events, string[] types, Func<string, EventFields, T> parse) where T : class
    {
        foreach (var batch in events.Chunk(1_000))
        {
            using var json = JsonDocument.Parse(EventJson.Serialize(batch));
            var result = EventBatch.Parse(json.RootElement, types, parse, DemoDataset.End);
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Take(5).Select(e => e.Describe())));
            Assert.Equal(batch.Length, result.Events.Count);
        }
    }
}
