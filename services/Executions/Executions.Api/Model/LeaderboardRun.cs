namespace ExecutiveDashboard.Executions.Model;

/// <summary>One completed run, as the leaderboards keep it.</summary>
public readonly record struct LeaderboardRun(
    string WorkspaceId, string AgentId, string UserId, bool Succeeded, DateTime CompletedAt, double RuntimeSeconds, decimal Credits);
