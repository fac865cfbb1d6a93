using ExecutiveDashboard.Gateway.Realtime;
using Microsoft.Extensions.Time.Testing;

namespace ExecutiveDashboard.Gateway.UnitTests;

public sealed class ActivityBudgetTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Gives_a_seconds_worth_at_once_then_refuses()
    {
        var budget = new ActivityBudget(20, _clock);

        Assert.Equal(20, Takes(budget, 100));
    }

    [Fact]
    public void Refills_at_the_rate_and_never_above_one_seconds_worth()
    {
        var budget = new ActivityBudget(20, _clock);
        Takes(budget, 20);

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(10, Takes(budget, 100));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(20, Takes(budget, 100));
    }

    private static int Takes(ActivityBudget budget, int attempts) => Enumerable.Range(0, attempts).Count(_ => budget.TryTake());
}
