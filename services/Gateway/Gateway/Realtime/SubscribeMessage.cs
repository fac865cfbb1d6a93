namespace ExecutiveDashboard.Gateway.Realtime;

/// <summary>What a client sends: <c>{ "subscribe": "ws_1" }</c> or <c>{ "subscribe": "all" }</c>.</summary>
public sealed record SubscribeMessage(string? Subscribe);
