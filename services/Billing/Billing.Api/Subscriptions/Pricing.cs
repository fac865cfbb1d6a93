using ExecutiveDashboard.Contracts.Ingest;

namespace ExecutiveDashboard.Billing.Subscriptions;

public static class Pricing
{
    /// <summary>Monthly values keep 6 decimals: sums and differences of them stay exact in decimal and in
    /// PostgreSQL numeric (so the MRR movement identity holds exactly), and amount / 12 loses at most
    /// half a millionth per subscription before amounts are rounded to cents on output.</summary>
    public const int Scale = 6;

    public static decimal MonthlyValue(BillingInterval interval, decimal amount) =>
        Math.Round(interval == BillingInterval.Year ? amount / 12m : amount, Scale, MidpointRounding.AwayFromZero);
}
