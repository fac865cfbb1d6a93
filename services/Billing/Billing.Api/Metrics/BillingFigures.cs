using ExecutiveDashboard.Billing.Subscriptions;

namespace ExecutiveDashboard.Billing.Metrics;

/// <summary>MRR, paying and trialing workspaces of a scope at one instant.</summary>
public readonly record struct MrrSnapshot(decimal Mrr, long PaidWorkspaces, long TrialWorkspaces);

/// <summary>ChartMogul's B2B customer churn between two instants: of the workspaces paying at the first,
/// those not paying at the second. Joining and leaving in between, or leaving and coming back, does not count.</summary>
public readonly record struct CustomerChurn(long PaidAtStart, long Lost)
{
    public double? RatePercent => PaidAtStart == 0 ? null : (double)Lost / PaidAtStart * 100;

    public decimal? Fraction => PaidAtStart == 0 ? null : (decimal)Lost / PaidAtStart;
}

/// <summary>Sums of each kind of MRR movement over a period, exact (not rounded).</summary>
public sealed record MovementTotals(decimal New, decimal Expansion, decimal Contraction, decimal Churned, decimal Reactivation)
{
    public static readonly MovementTotals Zero = new(0, 0, 0, 0, 0);

    /// <summary>Adds a signed MRR delta of the given kind; contraction and churn are reported as positive amounts.</summary>
    public MovementTotals Add(MrrMovementKind kind, decimal delta) => kind switch
    {
        MrrMovementKind.New => this with { New = New + delta },
        MrrMovementKind.Expansion => this with { Expansion = Expansion + delta },
        MrrMovementKind.Contraction => this with { Contraction = Contraction - delta },
        MrrMovementKind.Churned => this with { Churned = Churned - delta },
        _ => this with { Reactivation = Reactivation + delta },
    };
}

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
