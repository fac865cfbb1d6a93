using ExecutiveDashboard.Simulator.Generation.Catalog;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Generation.Randomness;
using ExecutiveDashboard.Simulator.Generation.Time;

namespace ExecutiveDashboard.Simulator.Generation.Billing;

/// <summary>
/// A workspace's life as a customer, from its first signup to the end of the period:
/// <list type="bullet">
/// <item>most start a 14-day trial of a tier; about half convert (larger teams more often), mostly towards the
/// end of the trial, some to another tier or yearly; the others' trials end, and a few come back weeks later;</item>
/// <item>design partners and some sales-led customers buy at once, often a yearly plan or the enterprise contract;</item>
/// <item>paying workspaces cancel at a monthly rate set by their plan (cheap monthly plans most, yearly contracts hardly),
/// twice as often in their first month;
/// about a third of those who cancel come back within weeks (a reactivation).</item>
/// </list>
/// Nothing happens at or after the period's end; a trial may still run then.
/// </summary>
internal static class SubscriptionStory
{
    public static readonly TimeSpan TrialLength = TimeSpan.FromDays(14);
    private const double DirectPurchaseShare = 0.08;
    private const double WinBackShare = 0.08;
    private const double ReactivationShare = 0.3;
    private const double FirstMonthDays = 30;

    public static Lifecycle Write(string workspaceId, DateTime createdAt, double size, bool isAnchor, DateTime end, Rng rng)
    {
        var events = new List<BillingEvent>();
        var spans = new List<PaidSpan>();
        DateTime paidFrom;
        Price price;

        if (isAnchor || rng.Chance(DirectPurchaseShare))
        {
            price = isAnchor
                ? Plans.Of(rng.Chance(0.5) ? Plans.Enterprise : Plans.Team, yearly: true)
                : Plans.Of(rng.Chance(0.6) ? Plans.Team : Plans.Pro, yearly: rng.Chance(0.6));
            paidFrom = At(createdAt + TimeSpan.FromHours(rng.Between(1, 48)));
            if (paidFrom >= end)
            {
                return new(events, spans);
            }
            events.Add(Started(workspaceId, price, paidFrom));
        }
        else
        {
            var trialPlan = Plans.Monthly[rng.PickWeighted([0.35, 0.45, 0.20])];
            var trialStart = At(createdAt + TimeSpan.FromMinutes(rng.Between(2, 15)));
            if (trialStart >= end)
            {
                return new(events, spans);
            }
            var trialEnds = trialStart + TrialLength;
            events.Add(new TrialStarted("", workspaceId, trialPlan.Plan, trialStart, trialEnds));

            var conversion = 0.40 + 0.06 * Math.Min(3, Math.Log(size));
            if (rng.Chance(conversion))
            {
                // Mostly in the trial's last days: sqrt skews towards its end.
                paidFrom = At(trialStart + (TrialLength - TimeSpan.FromHours(1)) * (0.12 + 0.88 * Math.Sqrt(rng.NextDouble())));
                if (paidFrom >= end)
                {
                    return new(events, spans);
                }
                var tier = rng.PickWeighted([0.10, 0.75, 0.15]) - 1 + trialPlan.Tier;
                price = Plans.Of(Plans.Monthly[Math.Clamp(tier, 0, 2)].Plan, yearly: rng.Chance(0.12));
            }
            else
            {
                if (trialEnds >= end)
                {
                    return new(events, spans);
                }
                events.Add(new TrialEnded("", workspaceId, trialEnds));
                paidFrom = At(trialEnds + TimeSpan.FromDays(rng.Between(3, 30)));
                if (!rng.Chance(WinBackShare) || paidFrom >= end)
                {
                    return new(events, spans);
                }
                price = Plans.Monthly[rng.Chance(0.7) ? 0 : 1];
            }
            events.Add(Started(workspaceId, price, paidFrom));
        }

        while (true)
        {
            var cancelAt = isAnchor ? DateTime.MaxValue : At(paidFrom + TimeToCancel(price, rng));
            if (cancelAt >= end)
            {
                spans.Add(new PaidSpan(paidFrom, end, price));
                return new(events, spans);
            }
            spans.Add(new PaidSpan(paidFrom, cancelAt, price));
            events.Add(new SubscriptionCanceled("", workspaceId, cancelAt));

            paidFrom = At(cancelAt + TimeSpan.FromDays(rng.Between(5, 45)));
            if (!rng.Chance(ReactivationShare) || paidFrom >= end)
            {
                return new(events, spans);
            }
            // Back on the same terms, or a tier lower and monthly.
            price = rng.Chance(0.6) ? price : Plans.Monthly[Math.Max(0, Math.Min(price.Tier, 2) - 1)];
            events.Add(Started(workspaceId, price, paidFrom));
        }
    }

    /// <summary>The plan's monthly churn as a constant hazard, doubled over the first month (customers who
    /// leave after their first invoice).</summary>
    private static TimeSpan TimeToCancel(Price price, Rng rng)
    {
        var meanDays = 30 / Plans.MonthlyChurn(price);
        var early = rng.Exponential(meanDays / 2);
        return TimeSpan.FromDays(early < FirstMonthDays ? early : FirstMonthDays + rng.Exponential(meanDays));
    }

    public static SubscriptionPriced Started(string workspaceId, Price price, DateTime at) =>
        new("", workspaceId, IsChange: false, price.Plan, price.Interval, price.Amount, at);

    private static DateTime At(DateTime instant) => Instants.Milliseconds(instant);
}
