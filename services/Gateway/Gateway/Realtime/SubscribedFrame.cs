using System.Text.Json.Serialization;

namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>Confirms a subscription: from now on the client receives the frames of <see cref="WorkspaceId"/>.</summary>
public sealed record SubscribedFrame(string WorkspaceId, DateTime At)
{
    [JsonPropertyOrder(-1)]
    public string Event => "subscribed";
}
