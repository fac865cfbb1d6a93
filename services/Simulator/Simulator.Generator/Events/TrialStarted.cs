namespace ExecutiveDashboard.Simulator.Generation.Events;

public sealed record TrialStarted(string EventId, string WorkspaceId, string Plan, DateTime OccurredAt, DateTime TrialEndsAt)
    : BillingEvent(EventId, WorkspaceId, OccurredAt)
{
    public override string Type => "trial.started";
}
