using ExecutiveDashboard.Simulator.Generation.Catalog;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Generation.Randomness;
using ExecutiveDashboard.Simulator.Generation.Time;

namespace ExecutiveDashboard.Simulator.Generation.Billing;

/// <summary>
/// Upgrades and downgrades while a workspace pays: a Poisson process over its paid time, two upgrades for
/// each downgrade (a growing customer base expands), never past the top or below the bottom tier of its
/// interval, and never within an hour of the span's start or end (so a change never precedes its start
/// or follows its cancel).
/// </summary>
internal static class PlanChanges
{
    /// <summary>The share of paying workspaces that change plan in a month, when no total is asked for.</summary>
    public const double DefaultMonthlyRate = 0.10;

    private static readonly TimeSpan Margin = TimeSpan.FromHours(1);

    public static double PaidDays(IEnumerable<PaidSpan> spans) =>
        spans.Sum(s => Math.Max(0, (s.To - s.From - 2 * Margin).TotalDays));

    public static void Add(Lifecycle lifecycle, string workspaceId, double perDay, Rng rng)
    {
        foreach (var span in lifecycle.PaidSpans)
        {
            var room = span.To - span.From - 2 * Margin;
            if (room <= TimeSpan.Zero)
            {
                continue;
            }
            var times = Enumerable.Range(0, rng.Poisson(perDay * room.TotalDays))
                .Select(_ => Instants.Milliseconds(span.From + Margin + room * rng.NextDouble()))
                .Order()
                .Distinct()
                .ToList();
            var price = span.Price;
            foreach (var at in times)
            {
                var next = rng.Chance(2.0 / 3) ? Plans.Above(price) ?? Plans.Below(price) : Plans.Below(price) ?? Plans.Above(price);
                if (next is null)
                {
                    continue;
                }
                price = next;
                lifecycle.Events.Add(new SubscriptionPriced("", workspaceId, IsChange: true, price.Plan, price.Interval, price.Amount, at));
            }
        }
        lifecycle.Events.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
    }
}
