namespace ExecutiveDashboard.Simulator.Generation.Catalog;

/// <summary>Where the marketing budget goes, as shares of it. Events are paid in lumps on a few days a month.</summary>
public static class MarketingChannels
{
    public const string Events = "events";

    public static readonly (string Channel, double Share)[] All =
    [
        ("search-ads", 0.40),
        ("social-ads", 0.25),
        ("content", 0.10),
        ("partners", 0.10),
        (Events, 0.15),
    ];
}
