using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.UnitTests;

/// <summary>The story makes sense: subscriptions change only while they exist, people act only once they have
/// signed up, agents run only once they exist, the week has weekends, agents differ, and the demo has something to
/// show for every business metric.</summary>
[Collection(DemoDatasetCollection.Name)]
public sealed class StoryTests(DemoDataset demo)
{
    [Fact]
    public void Subscriptions_change_or_cancel_only_while_they_exist_and_come_back_only_after_a_cancel()
    {
        var reactivations = 0;
        foreach (var story in demo.Billing.Where(e => e is not MarketingSpend).GroupBy(e => ((BillingEvent)e).WorkspaceId!))
        {
            var subscribed = false;
            var canceledBefore = false;
            var trial = false;
            foreach (var e in story)
            {
                switch (e)
                {
                    case TrialStarted:
                        Assert.False(subscribed || canceledBefore || trial, $"{e.EventId}: a second trial or a trial after paying");
                        trial = true;
                        break;
                    case TrialEnded:
                        Assert.True(trial && !subscribed, $"{e.EventId}: ends no running trial");
                        trial = false;
                        break;
                    case SubscriptionPriced { IsChange: false }:
                        Assert.False(subscribed, $"{e.EventId}: started while already subscribed");
                        reactivations += canceledBefore ? 1 : 0;
                        subscribed = true;
                        trial = false;
                        break;
                    case SubscriptionPriced { IsChange: true }:
                        Assert.True(subscribed, $"{e.EventId}: a change without a subscription");
                        break;
                    case SubscriptionCanceled:
                        Assert.True(subscribed, $"{e.EventId}: a cancel without a subscription");
                        subscribed = false;
                        canceledBefore = true;
                        break;
                }
            }
        }
        Assert.True(reactivations > 0, "no workspace came back after a cancel");
    }

    [Fact]
    public void The_price_list_has_monthly_and_a_few_yearly_plans_and_changes_go_both_ways()
    {
        var starts = demo.Billing.OfType<SubscriptionPriced>().Where(s => !s.IsChange).ToList();
        var yearly = starts.Count(s => s.Interval == "year");
        Assert.InRange(yearly, 1, starts.Count / 2);

        var previous = new Dictionary<string, decimal>();
        int upgrades = 0, downgrades = 0;
        foreach (var priced in demo.Billing.OfType<SubscriptionPriced>())
        {
            if (priced.IsChange)
            {
                upgrades += priced.MonthlyValue > previous[priced.WorkspaceId!] ? 1 : 0;
                downgrades += priced.MonthlyValue < previous[priced.WorkspaceId!] ? 1 : 0;
            }
            previous[priced.WorkspaceId!] = priced.MonthlyValue;
        }
        Assert.True(upgrades > 0 && downgrades > 0 && upgrades > downgrades, $"{upgrades} upgrades, {downgrades} downgrades");
    }

    [Fact]
    public void Users_act_only_after_signing_up_in_their_workspace_and_agents_run_only_once_created()
    {
        var signups = demo.Users.OfType<UserSignedUp>().ToDictionary(s => s.UserId);
        var agents = demo.Executions.OfType<AgentCreated>().ToDictionary(a => a.AgentId);
        foreach (var active in demo.Users.OfType<UserActive>())
        {
            Assert.Equal(signups[active.UserId].WorkspaceId, active.WorkspaceId);
            Assert.True(signups[active.UserId].OccurredAt <= active.OccurredAt, active.EventId);
        }
        foreach (var run in demo.Runs)
        {
            Assert.Equal(signups[run.UserId].WorkspaceId, run.WorkspaceId);
            Assert.True(signups[run.UserId].OccurredAt <= run.CompletedAt, run.EventId);
            Assert.Equal(agents[run.AgentId].WorkspaceId, run.WorkspaceId);
            Assert.Equal(agents[run.AgentId].AgentName, run.AgentName);
            Assert.True(agents[run.AgentId].OccurredAt <= run.CompletedAt, run.EventId);
        }
    }

    [Fact]
    public void Weekdays_are_busier_than_weekends()
    {
        // Whole UTC days only: the period starts and ends mid-day.
        var firstDay = demo.Simulation.Start.Date.AddDays(1);
        var lastDay = demo.Simulation.End.Date;
        foreach (var series in new IEnumerable<DateTime>[]
                 {
                     demo.Runs.Select(r => r.CompletedAt),
                     demo.Users.OfType<UserSignedUp>().Select(s => s.OccurredAt),
                     demo.Users.OfType<UserActive>().Select(s => s.OccurredAt),
                 })
        {
            var perDay = series.Where(t => t >= firstDay && t < lastDay).GroupBy(t => t.Date).ToDictionary(g => g.Key, g => g.Count());
            var days = Enumerable.Range(0, (lastDay - firstDay).Days).Select(d => firstDay.AddDays(d)).ToList();
            var weekday = days.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Average(d => perDay.GetValueOrDefault(d));
            var weekend = days.Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Average(d => perDay.GetValueOrDefault(d));
            Assert.True(weekday > 1.5 * weekend, $"weekday {weekday:F0} vs weekend {weekend:F0}");
        }
    }

    [Fact]
    public void Agents_fail_at_different_rates_and_run_for_different_times()
    {
        var agents = demo.Runs.GroupBy(r => r.AgentId).Where(g => g.Count() >= 300)
            .Select(g => (Failure: g.Count(r => !r.Succeeded) / (double)g.Count(), Median: Median(g.Select(r => (r.CompletedAt - r.StartedAt).TotalSeconds))))
            .ToList();
        Assert.True(agents.Count >= 10, $"{agents.Count} busy agents");
        Assert.True(agents.Max(a => a.Failure) > 3 * agents.Min(a => a.Failure), "failure rates hardly differ");
        Assert.True(agents.Max(a => a.Median) > 10 * agents.Min(a => a.Median), "runtimes hardly differ");
        var overall = demo.Runs.Count(r => !r.Succeeded) / (double)demo.Runs.Count();
        Assert.InRange(overall, 0.02, 0.15);
        Assert.All(demo.Runs.Where(r => !r.Succeeded), r => Assert.False(string.IsNullOrEmpty(r.ErrorCode)));
        Assert.All(demo.Runs.Where(r => r.Succeeded), r => Assert.Null(r.ErrorCode));
    }

    [Fact]
    public void The_last_30_days_have_something_for_every_business_metric()
    {
        var end = demo.Simulation.End;
        var monthAgo = end.AddDays(-30);
        var paidThen = PaidAt(monthAgo);
        var paidNow = PaidAt(end);
        Assert.True(paidNow.Values.Sum() > paidThen.Values.Sum(), "MRR does not grow");
        Assert.Contains(paidThen.Keys, w => !paidNow.ContainsKey(w)); // churn, hence LTV
        var firstPaid = demo.Billing.OfType<SubscriptionPriced>().Where(s => !s.IsChange).GroupBy(s => s.WorkspaceId).Select(g => g.First().OccurredAt);
        Assert.Contains(firstPaid, t => t >= monthAgo); // new customers, hence CAC
        Assert.True(demo.Billing.OfType<MarketingSpend>().Where(s => s.OccurredAt >= monthAgo).Sum(s => s.Amount) > 0);
        Assert.Contains(demo.Billing.OfType<TrialStarted>(), t => t.TrialEndsAt > end && t.OccurredAt < end); // trials running
        Assert.Contains(demo.Billing.OfType<TrialEnded>(), t => t.OccurredAt >= monthAgo);
        Assert.Contains(demo.Runs, r => r.CompletedAt >= end.AddHours(-1));
    }

    [Fact]
    public void Marketing_spend_is_daily_by_channel_with_event_lumps()
    {
        var spend = demo.Billing.OfType<MarketingSpend>().ToList();
        Assert.Equal(demo.Simulation.Options.Days, spend.Where(s => s.Channel == "search-ads").Select(s => s.OccurredAt).Distinct().Count());
        Assert.InRange(spend.Count(s => s.Channel == "events"), 2, demo.Simulation.Options.Days / 5);
        Assert.All(spend, s => Assert.True(s.Amount > 0));
    }

    private Dictionary<string, decimal> PaidAt(DateTime instant)
    {
        var paid = new Dictionary<string, decimal>();
        foreach (var e in demo.Billing.Where(e => e.OccurredAt < instant))
        {
            if (e is SubscriptionPriced priced)
            {
                paid[priced.WorkspaceId!] = priced.MonthlyValue;
            }
            else if (e is SubscriptionCanceled canceled)
            {
                paid.Remove(canceled.WorkspaceId!);
            }
        }
        return paid;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
