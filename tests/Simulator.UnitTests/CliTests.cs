using ExecutiveDashboard.Simulator.Backfill;
using ExecutiveDashboard.Simulator.Cli;
using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.UnitTests;

public sealed class CliTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Seed_options_set_the_dataset()
    {
        var parsed = SeedArguments.Parse(
            ["--gateway", "http://localhost:8090", "--days", "30", "--workspaces", "50", "--users", "900", "--runs", "10000000",
             "--seed", "7", "--subscriptions", "400", "--end", "2026-12-01T00:00:00Z", "--parallel", "3"], Now);
        Assert.Equal("http://localhost:8090", parsed.Gateway);
        Assert.Equal(3, parsed.Parallel);
        Assert.Equal(10_000_000, parsed.Simulation.Runs);
        Assert.Equal(400, parsed.Simulation.SubscriptionEvents);
        Assert.Equal(7, parsed.Simulation.Seed);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), parsed.Simulation.End);
        Assert.Equal(DateTimeKind.Utc, parsed.Simulation.End.Kind);
    }

    [Fact]
    public void Defaults_are_the_benchmarks_dataset_ending_now()
    {
        var parsed = SeedArguments.Parse([], Now);
        Assert.Equal((2_000, 100_000, 1_000_000L, Now), (parsed.Simulation.Workspaces, parsed.Simulation.Users, parsed.Simulation.Runs, parsed.Simulation.End));
        Assert.Null(parsed.Simulation.SubscriptionEvents);
    }

    [Fact]
    public void Unknown_options_and_oversized_batches_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SeedArguments.Parse(["--rnus", "5"], Now));
        Assert.Throws<ArgumentException>(() => SeedArguments.Parse(["--batch", "6000"], Now));
    }

    [Fact]
    public void The_progress_line_shows_percent_rate_and_time_left()
    {
        var line = ConsoleProgressBar.Format(250_000, 1_000_000, TimeSpan.FromSeconds(50),
            [new StreamProgress(EventStream.Users, 100, 100, 100, 0), new StreamProgress(EventStream.Executions, 249_900, 999_900, 249_900, 0)]);
        Assert.Contains("25.0%", line);
        Assert.Contains("5,000 ev/s", line);
        Assert.Contains("ETA 00:02:30", line);
        Assert.Contains("users 100%", line);
        Assert.Contains("executions 25%", line);
    }
}
