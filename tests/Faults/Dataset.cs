using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Faults;

/// <summary>A batch as the platform sends it: the service it goes to and its JSON.</summary>
public sealed record Batch(string Service, int Events, byte[] Json);

public static class Dataset
{
    /// <summary>Every event of the dataset in batches of 1,000, serialized before the clock starts, the three
    /// services' batches interleaved so that every service is being written to when a fault strikes.</summary>
    public static IReadOnlyList<Batch> Batches(PlatformSimulation dataset)
    {
        var streams = Enum.GetValues<EventStream>()
            .Select(stream => dataset.Events(stream).Chunk(1_000)
                .Select(chunk => new Batch(PlatformEvent.ServiceOf(stream), chunk.Length, EventJson.Serialize(chunk))).ToList())
            .ToList();
        var interleaved = new List<Batch>();
        for (var i = 0; interleaved.Count < streams.Sum(s => s.Count); i++)
        {
            interleaved.AddRange(streams.Where(s => i < s.Count).Select(s => s[i]));
        }
        return interleaved;
    }

    /// <summary>The platform and two workspaces: the oldest (the largest) and one in the middle.</summary>
    public static IReadOnlyList<string> Scopes(PlatformSimulation dataset)
    {
        var workspaces = dataset.BillingEvents().Select(e => e.WorkspaceId).OfType<string>().Distinct().ToList();
        return ["all", workspaces[0], workspaces[workspaces.Count / 2]];
    }
}
