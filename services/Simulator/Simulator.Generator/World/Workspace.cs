using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.Generation.World;

/// <summary>One customer of the platform: its billing story, its team and its agents.</summary>
internal sealed class Workspace
{
    public required int Number { get; init; }

    public required string Id { get; init; }

    public required string Company { get; init; }

    /// <summary>When its first user signed up.</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>Relative size (team and usage); heavy-tailed: a few large customers, many small ones.</summary>
    public required double Size { get; init; }

    /// <summary>A design partner from the beta: large, on a yearly contract from the first days, never leaves.</summary>
    public required bool IsAnchor { get; init; }

    public List<BillingEvent> Story { get; set; } = [];

    public ActivityTimeline Activity { get; set; } = null!;

    public DateTime FirstAgentAt { get; set; }

    /// <summary>Members in signup order, with the running sum of their propensity (to pick who runs an agent).</summary>
    public Member[] Members { get; set; } = [];

    public DateTime[] MemberSignups { get; set; } = [];

    public double[] MemberWeights { get; set; } = [];

    /// <summary>Agents in creation order, with the running sum of their weights.</summary>
    public Agent[] Agents { get; set; } = [];

    public DateTime[] AgentCreations { get; set; } = [];

    public double[] AgentWeights { get; set; } = [];

    /// <summary>How many of <paramref name="instants"/> (sorted) are before <paramref name="instant"/>.</summary>
    public static int CountBefore(DateTime[] instants, DateTime instant)
    {
        var index = Array.BinarySearch(instants, instant);
        if (index < 0)
        {
            return ~index;
        }
        while (index > 0 && instants[index - 1] == instant)
        {
            index--;
        }
        return index;
    }
}
