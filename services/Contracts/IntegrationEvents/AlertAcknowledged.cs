namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>
/// Someone marked an alert as seen, for the first time (a repeat changes nothing and publishes nothing). Published
/// through the alerts service's outbox, in the transaction that records the acknowledgement.
/// </summary>
/// <param name="WorkspaceId">The alert's scope: a workspace id, or <c>all</c>.</param>
/// <param name="Message">The alert's message when it was acknowledged.</param>
/// <param name="By">Who, as people read it: the token's <c>name</c>, else its <c>sub</c> ("Dana acknowledged: …").</param>
/// <param name="At">When it was acknowledged.</param>
public sealed record AlertAcknowledged(string AlertId, string WorkspaceId, string Rule, string Message, string By, DateTime At);
