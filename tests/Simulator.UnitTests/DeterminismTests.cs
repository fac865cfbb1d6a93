using System.Security.Cryptography;
using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.UnitTests;

/// <summary>A seed gives the same events, byte for byte; event ids do not move with the period's end (so a
/// restarted worker's backfill is idempotent); a seed can resume at any run.</summary>
public sealed class DeterminismTests
{
    private static readonly SimulationOptions Small = new()
    {
        End = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc),
        Days = 30,
        Workspaces = 40,
        Users = 400,
        Runs = 6_000,
        UserActiveEvents = 2_000,
    };

    [Fact]
    public void The_same_options_give_the_same_bytes()
    {
        Assert.Equal(Fingerprint(new PlatformSimulation(Small)), Fingerprint(new PlatformSimulation(Small)));
    }

    [Fact]
    public void Another_seed_gives_another_platform()
    {
        Assert.NotEqual(Fingerprint(new PlatformSimulation(Small)), Fingerprint(new PlatformSimulation(Small with { Seed = 7 })));
    }

    [Fact]
    public void Event_ids_stay_when_the_end_moves()
    {
        var today = new PlatformSimulation(Small);
        var tomorrow = new PlatformSimulation(Small with { End = Small.End.AddDays(1).AddMinutes(17) });
        Assert.Equal(Ids<RunCompleted>(today.ExecutionEvents()), Ids<RunCompleted>(tomorrow.ExecutionEvents()));
        Assert.Equal(Ids<UserSignedUp>(today.UserEvents()), Ids<UserSignedUp>(tomorrow.UserEvents()));
        Assert.Equal(Ids<UserActive>(today.UserEvents()), Ids<UserActive>(tomorrow.UserEvents()));
    }

    [Fact]
    public void Resuming_at_a_run_gives_the_rest_of_the_stream()
    {
        var simulation = new PlatformSimulation(Small);
        var all = simulation.ExecutionEvents().OfType<RunCompleted>().ToList();
        var rest = simulation.ExecutionEvents(fromRun: 2_500).OfType<RunCompleted>().ToList();
        Assert.Equal(all.Where(r => long.Parse(r.RunId[2..]) >= 2_500), rest);
        Assert.Equal(Small.Runs - 2_500, rest.Count);
    }

    [Fact]
    public void Prefixes_name_the_events_and_workspaces()
    {
        var simulation = new PlatformSimulation(Small with { IdPrefix = "bench", WorkspacePrefix = "bw" });
        var runs = simulation.ExecutionEvents().OfType<RunCompleted>().ToList();
        Assert.All(runs, r => Assert.StartsWith("bench-42-run-", r.EventId));
        Assert.Contains(runs, r => r.WorkspaceId == "bw_00001");
    }

    [Fact]
    public void A_subscription_total_adds_plan_changes()
    {
        var natural = new PlatformSimulation(Small).BillingEvents().Count(e => e is SubscriptionPriced or SubscriptionCanceled);
        var asked = new PlatformSimulation(Small with { SubscriptionEvents = natural + 200 })
            .BillingEvents().Count(e => e is SubscriptionPriced or SubscriptionCanceled);
        Assert.InRange(asked, natural + 150, natural + 250);
    }

    private static string Fingerprint(PlatformSimulation simulation)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var stream in Enum.GetValues<EventStream>())
        {
            foreach (var batch in simulation.Events(stream).Chunk(1_000))
            {
                hash.AppendData(EventJson.Serialize(batch));
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static List<string> Ids<T>(IEnumerable<PlatformEvent> events) => [.. events.OfType<T>().Cast<PlatformEvent>().Select(e => e.EventId).Order()];
}
