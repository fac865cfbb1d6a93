using ExecutiveDashboard.Executions.Model;

namespace ExecutiveDashboard.Executions.UnitTests.Model;

public class RunTotalsTests
{
    [Fact]
    public void No_runs_have_undefined_rates_and_an_error_rate_of_zero()
    {
        var none = default(RunTotals);

        Assert.Null(none.SuccessRate);
        Assert.Null(none.AvgRuntime);
        Assert.Equal(0.0, none.ErrorRate);
        Assert.Equal(0, none.Failed);
    }

    [Fact]
    public void Rates_and_average_of_some_runs()
    {
        var totals = new RunTotals(Runs: 3, Succeeded: 2, RuntimeSum: 10, Credits: 7.5m);

        Assert.Equal(1, totals.Failed);             // 3 − 2
        Assert.Equal(66.67, totals.SuccessRate);    // 2 / 3 × 100 = 66.666…
        Assert.Equal(33.33, totals.ErrorRate);      // 1 / 3 × 100 = 33.333…
        Assert.Equal(3.333, totals.AvgRuntime);     // 10 s / 3 = 3.3333… s, 3 decimals
    }

    [Fact]
    public void Totals_add_up()
    {
        var sum = new RunTotals(3, 2, 10, 7.5m) + new RunTotals(1, 0, 2.5, 0.25m);

        Assert.Equal(new RunTotals(4, 2, 12.5, 7.75m), sum);
    }
}
