namespace ExecutiveDashboard.Billing.Subscriptions;

/// <summary>
/// What a workspace is on between two of its event times. The four states of the brief map onto it:
/// none (never subscribed, no trial), trial (<see cref="TrialEndsAt"/> after t), paid (<see cref="Paid"/>)
/// and canceled (no longer <see cref="Subscribed"/>).
/// </summary>
/// <param name="Subscribed">A subscription was started and not canceled since.</param>
/// <param name="MonthlyValue">The subscription's monthly value (amount, or amount / 12 for a yearly interval).</param>
/// <param name="TrialEndsAt">Set while a trial is running: started, not converted, not ended. It is still a
/// trial at t only while <c>TrialEndsAt &gt; t</c>, so expiry needs no event and no interval boundary.</param>
public sealed record SubscriptionState(bool Subscribed, string? Plan, decimal MonthlyValue, string? TrialPlan, DateTime? TrialEndsAt)
{
    public static readonly SubscriptionState None = new(false, null, 0m, null, null);

    /// <summary>Paying customer: an active subscription worth more than 0 a month. A 0-amount (free) plan is
    /// not paid, as in ChartMogul, where moving to a free plan is churn.</summary>
    public bool Paid => Subscribed && MonthlyValue > 0;

    /// <summary>This workspace's contribution to MRR.</summary>
    public decimal Mrr => Paid ? MonthlyValue : 0m;

    public bool InTrialAt(DateTime t) => TrialEndsAt > t;
}
