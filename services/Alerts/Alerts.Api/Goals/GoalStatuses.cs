namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>A goal's status as the wire names it.</summary>
public static class GoalStatuses
{
    public const string Met = "met", OnTrack = "onTrack", AtRisk = "atRisk", OffTrack = "offTrack";
}
