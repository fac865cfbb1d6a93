namespace ExecutiveDashboard.Simulator.Generation.Catalog;

/// <summary>A plan at a price: <c>interval</c> is <c>month</c> or <c>year</c>, the amount in USD.</summary>
public sealed record Price(string Plan, string Interval, decimal Amount, int Tier)
{
    public bool IsYearly => Interval == "year";

    public decimal MonthlyValue => IsYearly ? Amount / 12 : Amount;
}
