using System.Text.Json;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Generation.Live;
using ServiceBillingEvent = ExecutiveDashboard.Contracts.Ingest.BillingEvent;

namespace ExecutiveDashboard.Simulator.UnitTests;

[Collection(DemoDatasetCollection.Name)]
public sealed class LiveTrafficTests(DemoDataset demo)
{
    [Fact]
    public void Ticks_carry_on_from_the_story_with_valid_events_inside_their_span()
    {
        var live = new LiveTraffic(demo.Simulation, new LiveOptions { RunsPerSecond = 3, SubscriptionChangesPerHour = 600 });
        var from = demo.Simulation.End;
        var events = new List<PlatformEvent>();
        for (var tick = 0; tick < 120; tick++)
        {
            var to = from.AddSeconds(1);
            var batch = live.Between(from, to);
            Assert.All(batch, e => Assert.InRange(e.OccurredAt, from, to.AddTicks(-1)));
            events.AddRange(batch);
            from = to;
        }

        Assert.InRange(events.OfType<RunCompleted>().Count(), 250, 470); // 3 a second
        Assert.Contains(events, e => e is UserActive);
        Assert.Contains(events, e => e is SubscriptionPriced or SubscriptionCanceled);
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        var workspaces = demo.Users.OfType<UserSignedUp>().Select(s => s.WorkspaceId).ToHashSet();
        Assert.All(events.OfType<RunCompleted>(), r => Assert.Contains(r.WorkspaceId, workspaces));

        foreach (var group in events.GroupBy(e => e.Stream))
        {
            using var json = JsonDocument.Parse(EventJson.Serialize(group));
            var valid = group.Key switch
            {
                EventStream.Users => EventBatch.Parse(json.RootElement, UserEvent.Types, UserEvent.Parse, from).IsValid,
                EventStream.Executions => EventBatch.Parse(json.RootElement, ExecutionEvent.Types, ExecutionEvent.Parse, from).IsValid,
                _ => EventBatch.Parse(json.RootElement, ServiceBillingEvent.Types, ServiceBillingEvent.Parser("USD"), from).IsValid,
            };
            Assert.True(valid, $"{group.Key} events refused");
        }
    }

    [Fact]
    public void An_incident_makes_one_workspace_fail_often()
    {
        var live = new LiveTraffic(demo.Simulation, new LiveOptions { RunsPerSecond = 100, IncidentsPerHour = 3_600 * 10 });
        var runs = live.Between(demo.Simulation.End, demo.Simulation.End.AddMinutes(1)).OfType<RunCompleted>().ToList();
        var victims = runs.GroupBy(r => r.WorkspaceId).Where(g => g.Any(r => r.ErrorCode == "upstream_unavailable")).ToList();
        var victim = Assert.Single(victims);
        var rate = victim.Count(r => !r.Succeeded) / (double)victim.Count();
        Assert.True(rate > 0.25, $"{victim.Key}: {rate:P0} of {victim.Count()} runs failed");
        Assert.True(runs.Where(r => r.WorkspaceId != victim.Key).Count(r => !r.Succeeded) < 0.15 * runs.Count);
    }

    [Fact]
    public void Live_users_are_the_last_days_regulars_or_newcomers()
    {
        var dayBefore = demo.Simulation.End.AddDays(-1);
        var regulars = demo.Runs.Where(r => r.CompletedAt >= dayBefore).Select(r => r.UserId)
            .Concat(demo.Users.OfType<UserActive>().Where(a => a.OccurredAt >= dayBefore).Select(a => a.UserId))
            .ToHashSet();
        var live = new LiveTraffic(demo.Simulation, new LiveOptions { RunsPerSecond = 3, SignupsPerMinute = 6 });
        var events = live.Between(demo.Simulation.End, demo.Simulation.End.AddMinutes(10));
        var newcomers = events.OfType<UserSignedUp>().Select(s => s.UserId).ToHashSet();
        var actors = events.OfType<RunCompleted>().Select(r => r.UserId).Concat(events.OfType<UserActive>().Select(a => a.UserId)).ToHashSet();
        Assert.Subset(regulars.Union(newcomers).ToHashSet(), actors);
        Assert.True(actors.Count > regulars.Count / 2, $"{actors.Count} of {regulars.Count} regulars");
    }

    [Fact]
    public void The_same_span_gives_the_same_events()
    {
        var from = demo.Simulation.End.AddMinutes(5);
        var busy = new LiveOptions { RunsPerSecond = 3 };
        var a = new LiveTraffic(demo.Simulation, busy).Between(from, from.AddSeconds(2));
        var b = new LiveTraffic(demo.Simulation, busy).Between(from, from.AddSeconds(2));
        Assert.NotEmpty(a);
        Assert.Equal(EventJson.Serialize(a), EventJson.Serialize(b));
    }
}
