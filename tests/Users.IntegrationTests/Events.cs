using System.Text.Json.Nodes;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>Builds ingest events as the platform sends them: plain JSON.</summary>
public static class Events
{
    public static JsonObject SignedUp(string eventId, string workspace, string user, DateTime at, string name, string? email = null) => new()
    {
        ["eventId"] = eventId,
        ["type"] = "user.signed_up",
        ["workspaceId"] = workspace,
        ["userId"] = user,
        ["occurredAt"] = Iso(at),
        ["name"] = name,
        ["email"] = email,
    };

    public static JsonObject Active(string eventId, string workspace, string user, DateTime at) => new()
    {
        ["eventId"] = eventId,
        ["type"] = "user.active",
        ["workspaceId"] = workspace,
        ["userId"] = user,
        ["occurredAt"] = Iso(at),
    };
}
