using ExecutiveDashboard.Billing.Model;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Billing.Reads;

/// <summary>Turns exact figures into the billing overview of docs/metrics.md; the only place where amounts are rounded.</summary>
public static class BillingOverviewBuilder
{
    public static BillingOverview Build(ReportingPeriod period, bool platform, BillingFigures f)
    {
        var mrr = f.AtAsOf.Mrr;
        var mrrChange = period.Previous is null ? null : Change.Relative((double)mrr, (double)f.AtStart.Mrr);

        decimal? ltv = f.AtAsOf.PaidWorkspaces > 0 && f.LastThirtyDaysChurn.Fraction is > 0 and var monthlyChurn
            ? mrr / f.AtAsOf.PaidWorkspaces / monthlyChurn
            : null;
        // Spend belongs to the platform; with no spend recorded, a CAC of 0 would claim free acquisition.
        decimal? cac = platform && f.NewPaidWorkspaces > 0 && f.MarketingSpend is { } spend
            ? spend / f.NewPaidWorkspaces
            : null;
        // In doubles: LTV and CAC are decimals within bounds, but a tiny CAC makes their ratio larger than any decimal.
        double? ltvCacRatio = ltv is { } l && cac is > 0 and var c ? Round.Percent((double)l / (double)c) : null;

        var business = new BusinessMetrics(
            Mrr: Round.Amount(mrr),
            MrrChange: mrrChange,
            Arr: Round.Amount(mrr * 12),
            Ltv: ltv is null ? null : Round.Amount(ltv.Value),
            Cac: cac is null ? null : Round.Amount(cac.Value),
            LtvCacRatio: ltvCacRatio,
            ActiveWorkspaces: null,
            PaidWorkspaces: f.AtAsOf.PaidWorkspaces,
            TrialWorkspaces: f.AtAsOf.TrialWorkspaces,
            ChurnRate: f.PeriodChurn.RatePercent is { } rate ? Round.Percent(rate) : null);

        var buckets = period.TrendBuckets();
        var trend = buckets.Select((b, i) => new TimeSeriesPoint(b.Start, (double)Round.Amount(f.MrrAtBucketEnds[i]))).ToList();

        return new BillingOverview(
            new PeriodRange(period.Current.Start, period.Current.End),
            business,
            RoundMovements(f.AtStart.Mrr, f.Movements, mrr),
            trend);
    }

    /// <summary>
    /// Rounds the movements so that the rounded identity
    /// <c>R(start) + new + expansion + reactivation − contraction − churned = R(end)</c> holds exactly too:
    /// each movement is the difference of consecutive rounded partial sums
    /// (start, +new, +expansion, +reactivation, −contraction, −churned = end). The sum telescopes, every
    /// movement stays within a cent of its own rounding, and none turns negative.
    /// </summary>
    public static MrrMovements RoundMovements(decimal start, MovementTotals m, decimal end)
    {
        var p0 = start;
        var p1 = p0 + m.New;
        var p2 = p1 + m.Expansion;
        var p3 = p2 + m.Reactivation;
        var p4 = p3 - m.Contraction;
        return new MrrMovements(
            New: R(p1) - R(p0),
            Expansion: R(p2) - R(p1),
            Contraction: R(p3) - R(p4),
            Churned: R(p4) - R(end),
            Reactivation: R(p3) - R(p2));

        static decimal R(decimal value) => Round.Amount(value);
    }
}
