namespace ExecutiveDashboard.Executions.Model;

public sealed record QuarantinedEvent(string EventId, string WorkspaceId, string Error);
