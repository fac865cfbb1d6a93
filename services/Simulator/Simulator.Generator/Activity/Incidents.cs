using ExecutiveDashboard.Simulator.Generation.Catalog;
using ExecutiveDashboard.Simulator.Generation.Randomness;

namespace ExecutiveDashboard.Simulator.Generation.Activity;

/// <summary>A stretch of time when agents of one template (or, for a model-provider outage, all agents) fail
/// far more often than usual: the spikes an error-rate chart and the alert rules are there to catch.</summary>
/// <remarks>Live incidents hit every agent of one workspace instead (<see cref="WorkspaceId"/>): an integration of
/// theirs broke.</remarks>
internal sealed record Incident(DateTime From, DateTime To, string? Template, double Multiplier, string? WorkspaceId = null)
{
    public const string ErrorCode = "upstream_unavailable";

    public bool Affects(DateTime instant, string workspaceId, AgentTemplate template) =>
        instant >= From && instant < To && (Template is null || Template == template.Name) && (WorkspaceId is null || WorkspaceId == workspaceId);

    /// <summary>About one incident a month of the period, each 45 minutes to 3 hours long.</summary>
    public static Incident[] Plan(DateTime start, DateTime end, int seed)
    {
        var rng = Rng.For(seed, "incidents");
        var count = Math.Max(1, (int)Math.Round((end - start).TotalDays / 30));
        string?[] targets = ["Web Researcher", "Lead Enricher", "SQL Analyst", "Support Triage", null];
        var incidents = new Incident[count];
        for (var i = 0; i < count; i++)
        {
            var from = start + (end - start) * rng.Between(0.05, 0.98);
            var target = rng.Pick(targets);
            incidents[i] = new Incident(from, from + TimeSpan.FromMinutes(rng.Between(45, 180)), target, target is null ? 4 : 6);
        }
        return incidents;
    }
}
