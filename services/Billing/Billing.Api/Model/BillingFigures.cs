using ExecutiveDashboard.Billing.Subscriptions;

namespace ExecutiveDashboard.Billing.Model;

/// <summary>Everything the billing overview is computed from, as read from the stored intervals.</summary>
/// <param name="MarketingSpend">Spend in the period; null when no spend was recorded in it.</param>
/// <param name="NewPaidWorkspaces">Workspaces whose first paid subscription started in the period.</param>
/// <param name="MrrAtBucketEnds">MRR at the end of each trend bucket, in bucket order.</param>
public sealed record BillingFigures(
    MrrSnapshot AtStart,
    MrrSnapshot AtAsOf,
    CustomerChurn PeriodChurn,
    CustomerChurn LastThirtyDaysChurn,
    MovementTotals Movements,
    long NewPaidWorkspaces,
    decimal? MarketingSpend,
    IReadOnlyList<decimal> MrrAtBucketEnds);
