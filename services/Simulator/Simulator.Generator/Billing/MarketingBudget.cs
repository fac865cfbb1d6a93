using ExecutiveDashboard.Simulator.Generation.Catalog;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Generation.Randomness;

namespace ExecutiveDashboard.Simulator.Generation.Billing;

/// <summary>
/// Daily marketing spend by channel, at noon of each day of the period. The budget follows the customers it
/// wins: about seven times the first monthly value of the workspaces that start paying in the week around
/// that day, so CAC lands near seven months of a new customer's revenue and LTV:CAC between 3 and 5, as a healthy
/// SaaS business shows. Event sponsorships are paid in lumps every ten days.
/// </summary>
internal static class MarketingBudget
{
    private const double CacInMonths = 7;
    private const double DailyFloor = 50;

    public static List<MarketingSpend> Plan(
        IReadOnlyList<(DateTime At, decimal MonthlyValue)> firstPayments, DateTime start, DateTime end, int days, Func<int, string, string> eventId, Rng rng)
    {
        var spend = new List<MarketingSpend>();
        var eventsPot = 0.0;
        for (var day = 0; day < days; day++)
        {
            var dayStart = start.AddDays(day);
            var from = dayStart.AddDays(-3) < start ? start : dayStart.AddDays(-3);
            var to = dayStart.AddDays(4) > end ? end : dayStart.AddDays(4);
            var won = firstPayments.Where(p => p.At >= from && p.At < to).Sum(p => (double)p.MonthlyValue);
            var budget = Math.Max(DailyFloor, CacInMonths * won / Math.Max(1, (to - from).TotalDays));
            var at = dayStart.AddHours(12);

            foreach (var (channel, share) in MarketingChannels.All)
            {
                var amount = budget * share * rng.Between(0.85, 1.15);
                if (channel == MarketingChannels.Events)
                {
                    eventsPot += amount;
                    if (day % 10 != 9 && day != days - 1)
                    {
                        continue;
                    }
                    amount = eventsPot;
                    eventsPot = 0;
                }
                var rounded = Math.Round((decimal)amount, 2);
                if (rounded > 0)
                {
                    spend.Add(new MarketingSpend(eventId(day, channel), rounded, at, channel));
                }
            }
        }
        return spend;
    }
}
