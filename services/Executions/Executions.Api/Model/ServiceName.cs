using ExecutiveDashboard.Contracts.IntegrationEvents;

namespace ExecutiveDashboard.Executions.Model;

/// <summary>How this service names itself in the <see cref="MetricsChanged"/> it publishes: ingest and the quarantine
/// both tell of changes, and a consumer must see one service.</summary>
public static class ServiceName
{
    public const string Executions = "executions";
}
