using System.Text.Json.Serialization;

namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>One line of the live activity feed. <see cref="Id"/> is the source event's id, so a client that
/// reconnects can drop a line it already shows.</summary>
/// <param name="At">When it happened on the platform.</param>
public sealed record ActivityFrame(string Id, string WorkspaceId, string Kind, string Text, DateTime At)
{
    [JsonPropertyOrder(-1)]
    public string Event => "activity";
}
