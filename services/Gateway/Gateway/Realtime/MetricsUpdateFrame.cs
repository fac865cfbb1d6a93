using System.Text.Json.Serialization;

namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>Tells the client which sections of a scope's overview to refetch (docs/realtime.md).</summary>
public sealed record MetricsUpdateFrame(string WorkspaceId, IReadOnlyList<string> Sections, DateTime At)
{
    [JsonPropertyOrder(-1)]
    public string Event => "metrics_update";
}
