using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>Tells the client which sections of a scope's overview to refetch (docs/realtime.md).</summary>
public sealed record MetricsUpdateFrame(string WorkspaceId, IReadOnlyList<string> Sections, DateTime At)
{
    [JsonPropertyOrder(-1)]
    public string Event => "metrics_update";
}

/// <summary>One line of the live activity feed. <see cref="Id"/> is the source event's id, so a client that
/// reconnects can drop a line it already shows.</summary>
/// <param name="At">When it happened on the platform.</param>
public sealed record ActivityFrame(string Id, string WorkspaceId, string Kind, string Text, DateTime At)
{
    [JsonPropertyOrder(-1)]
    public string Event => "activity";
}

/// <summary>Confirms a subscription: from now on the client receives the frames of <see cref="WorkspaceId"/>.</summary>
public sealed record SubscribedFrame(string WorkspaceId, DateTime At)
{
    [JsonPropertyOrder(-1)]
    public string Event => "subscribed";
}

/// <summary>What a client sends: <c>{ "subscribe": "ws_1" }</c> or <c>{ "subscribe": "all" }</c>.</summary>
public sealed record SubscribeMessage(string? Subscribe);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MetricsUpdateFrame))]
[JsonSerializable(typeof(ActivityFrame))]
[JsonSerializable(typeof(SubscribedFrame))]
[JsonSerializable(typeof(SubscribeMessage))]
public sealed partial class FrameJson : JsonSerializerContext;
