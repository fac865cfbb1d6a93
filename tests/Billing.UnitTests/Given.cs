using System.Globalization;
using ExecutiveDashboard.Billing.Reads;
using ExecutiveDashboard.Billing.Model;
using ExecutiveDashboard.Billing.Subscriptions;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Billing.UnitTests;

/// <summary>Billing events as tests write them, and an in-memory reading of their timelines that
/// computes the figures the SQL of <see cref="BillingOverviewQuery"/> computes, from the same definitions.</summary>
internal static class Given
{
    private static int _next;

    public static DateTime At(string iso) =>
        DateTime.SpecifyKind(DateTime.Parse(iso, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static string Id() => $"e{Interlocked.Increment(ref _next)}";

    public static BillingEvent Trial(string ws, string at, string endsAt, string plan = "pro") =>
        new TrialStartedEvent(Id(), ws, plan, At(at), At(endsAt));

    public static BillingEvent TrialEnded(string ws, string at) => new TrialEndedEvent(Id(), ws, At(at));

    public static BillingEvent Started(string ws, string at, decimal amount, BillingInterval interval = BillingInterval.Month, string plan = "pro") =>
        new SubscriptionStartedEvent(Id(), ws, plan, interval, amount, "USD", At(at));

    public static BillingEvent Changed(string ws, string at, decimal amount, BillingInterval interval = BillingInterval.Month, string plan = "team") =>
        new SubscriptionChangedEvent(Id(), ws, plan, interval, amount, "USD", At(at));

    public static BillingEvent Canceled(string ws, string at) => new SubscriptionCanceledEvent(Id(), ws, At(at));

    public static BillingEvent Spend(string at, decimal amount) => new MarketingSpendEvent(Id(), amount, "USD", At(at), "search-ads");

    public static BillingOverview Overview(IReadOnlyList<BillingEvent> events, string scope, Timeframe timeframe, string asOf) =>
        Overview(events, scope, timeframe, At(asOf), out _);

    public static BillingOverview Overview(IReadOnlyList<BillingEvent> events, string scope, Timeframe timeframe, DateTime asOf, out BillingFigures figures)
    {
        var platform = scope == Scopes.Platform;
        var inScope = events.Where(e => platform || e.WorkspaceId == scope).ToList();
        var timelines = inScope.Where(e => e.WorkspaceId is not null).GroupBy(e => e.WorkspaceId!)
            .Select(g => SubscriptionTimeline.Build(g.Key, g)).ToList();
        var spend = inScope.OfType<MarketingSpendEvent>().ToList();

        var period = ReportingPeriod.For(timeframe, asOf, inScope.Count == 0 ? null : inScope.Min(e => e.OccurredAt));
        var (start, end) = (period.Current.Start, period.Current.End);

        MrrSnapshot Snapshot(DateTime t) => new(
            timelines.Sum(w => w.At(t).Mrr), timelines.Count(w => w.At(t).Paid), timelines.Count(w => w.At(t).InTrialAt(t)));
        CustomerChurn Churn(DateTime from) => new(
            timelines.Count(w => w.At(from).Paid), timelines.Count(w => w.At(from).Paid && !w.At(end).Paid));

        var movements = timelines.SelectMany(w => w.Intervals)
            .Where(i => i.Movement is not null && i.ValidFrom >= start && i.ValidFrom < end)
            .Aggregate(MovementTotals.Zero, (m, i) => m.Add(i.Movement!.Value, i.MrrDelta));
        var spendInPeriod = spend.Where(s => s.OccurredAt >= start && s.OccurredAt < end).ToList();

        figures = new BillingFigures(
            Snapshot(start), Snapshot(end), Churn(start), Churn(end - TimeSpan.FromDays(30)), movements,
            timelines.Count(w => w.FirstPaidAt >= start && w.FirstPaidAt < end),
            spendInPeriod.Count == 0 ? null : spendInPeriod.Sum(s => s.Amount),
            period.TrendBuckets().Select(b => timelines.Sum(w => w.At(b.End).Mrr)).ToList());
        return BillingOverviewBuilder.Build(period, platform, figures);
    }
}
