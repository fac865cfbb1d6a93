namespace ExecutiveDashboard.Billing.Model;

/// <summary>ChartMogul's B2B customer churn between two instants: of the workspaces paying at the first,
/// those not paying at the second. Joining and leaving in between, or leaving and coming back, does not count.</summary>
public readonly record struct CustomerChurn(long PaidAtStart, long Lost)
{
    public double? RatePercent => PaidAtStart == 0 ? null : (double)Lost / PaidAtStart * 100;

    public decimal? Fraction => PaidAtStart == 0 ? null : (decimal)Lost / PaidAtStart;
}
