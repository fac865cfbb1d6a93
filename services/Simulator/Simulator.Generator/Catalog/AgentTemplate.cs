namespace ExecutiveDashboard.Simulator.Generation.Catalog;

/// <summary>A kind of agent customers build: how often it fails and why, how long it runs (log-normal around
/// a median), what it costs in credits, and how popular it is.</summary>
public sealed record AgentTemplate(
    string Name, double FailureRate, double MedianSeconds, double Spread, double CreditsPerMinute, double BaseCredits,
    double Popularity, string[] ErrorCodes)
{
    /// <summary>Runs killed at this runtime fail with <c>timeout</c>.</summary>
    public double TimeoutSeconds => Math.Clamp(MedianSeconds * 8, 120, 1_800);
}
