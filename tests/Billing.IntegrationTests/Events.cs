using System.Text.Json.Nodes;

namespace ExecutiveDashboard.Billing.IntegrationTests;

/// <summary>Builds billing events as the platform sends them: plain JSON.</summary>
public static class Events
{
    public static JsonObject Trial(string id, string ws, string at, string endsAt) => new()
    {
        ["eventId"] = id, ["type"] = "trial.started", ["workspaceId"] = ws, ["plan"] = "pro", ["occurredAt"] = at, ["trialEndsAt"] = endsAt,
    };

    public static JsonObject Started(string id, string ws, string at, decimal amount, string interval = "month", string currency = "USD") =>
        Priced("subscription.started", id, ws, at, amount, interval, currency);

    public static JsonObject Changed(string id, string ws, string at, decimal amount, string interval = "month") =>
        Priced("subscription.changed", id, ws, at, amount, interval, "USD");

    public static JsonObject Canceled(string id, string ws, string at) => new()
    {
        ["eventId"] = id, ["type"] = "subscription.canceled", ["workspaceId"] = ws, ["occurredAt"] = at,
    };

    public static JsonObject Spend(string id, string at, decimal amount, string currency = "USD") => new()
    {
        ["eventId"] = id, ["type"] = "marketing.spend", ["amount"] = amount, ["currency"] = currency, ["occurredAt"] = at, ["channel"] = "search-ads",
    };

    private static JsonObject Priced(string type, string id, string ws, string at, decimal amount, string interval, string currency) => new()
    {
        ["eventId"] = id, ["type"] = type, ["workspaceId"] = ws, ["plan"] = "pro", ["interval"] = interval,
        ["amount"] = amount, ["currency"] = currency, ["occurredAt"] = at,
    };
}
