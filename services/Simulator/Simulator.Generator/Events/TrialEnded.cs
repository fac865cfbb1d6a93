namespace ExecutiveDashboard.Simulator.Generation.Events;

public sealed record TrialEnded(string EventId, string WorkspaceId, DateTime OccurredAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt)
{
    public override string Type => "trial.ended";
}
