namespace ExecutiveDashboard.Simulator.Generation.Catalog;

/// <summary>The price list: three self-serve tiers, monthly or yearly (two months free), and a yearly
/// enterprise contract sold by the sales team.</summary>
public static class Plans
{
    public const string Starter = "starter";
    public const string Pro = "pro";
    public const string Team = "team";
    public const string Enterprise = "enterprise";

    public static readonly Price[] Monthly =
    [
        new(Starter, "month", 29m, 0),
        new(Pro, "month", 99m, 1),
        new(Team, "month", 299m, 2),
    ];

    public static readonly Price[] Yearly =
    [
        new(Starter, "year", 290m, 0),
        new(Pro, "year", 990m, 1),
        new(Team, "year", 2_990m, 2),
        new(Enterprise, "year", 12_000m, 3),
    ];

    public static Price Of(string plan, bool yearly) =>
        (yearly ? Yearly : Monthly).FirstOrDefault(p => p.Plan == plan) ?? Yearly.First(p => p.Plan == plan);

    /// <summary>The next tier up in the same interval, or null at the top.</summary>
    public static Price? Above(Price price)
    {
        var list = price.IsYearly ? Yearly : Monthly;
        return price.Tier + 1 < list.Length ? list[price.Tier + 1] : null;
    }

    /// <summary>The next tier down in the same interval, or null at the bottom.</summary>
    public static Price? Below(Price price)
    {
        var list = price.IsYearly ? Yearly : Monthly;
        return price.Tier > 0 ? list[price.Tier - 1] : null;
    }

    /// <summary>How hard a workspace on this plan uses the platform, relative to pro.</summary>
    public static double UsageFactor(string plan) => plan switch
    {
        Starter => 0.55,
        Pro => 1.0,
        Team => 1.5,
        _ => 2.2,
    };

    /// <summary>Chance of canceling in a month: cheap monthly plans churn most, yearly contracts hardly
    /// within the quarter shown.</summary>
    public static double MonthlyChurn(Price price) => price.IsYearly ? 0.004 : price.Plan switch
    {
        Starter => 0.12,
        Pro => 0.07,
        _ => 0.04,
    };
}
