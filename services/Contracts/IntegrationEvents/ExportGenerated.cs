namespace ExecutiveDashboard.Contracts.IntegrationEvents;

/// <summary>An export (PDF or CSV) was generated and audit-logged.</summary>
public sealed record ExportGenerated(
    string ExportId, string WorkspaceId, string Timeframe, string Format, string RequestedBy, long SizeBytes, string Sha256, DateTime GeneratedAt);
