namespace ExecutiveDashboard.Simulator.Generation.World;

/// <summary>A span of time in which a workspace can run agents, and how intensely.</summary>
public readonly record struct ActivitySegment(DateTime From, DateTime To, double Intensity);
