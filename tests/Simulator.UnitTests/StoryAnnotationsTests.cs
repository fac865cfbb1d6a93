using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.UnitTests;

/// <summary>The demo's annotations say what the generated data shows: the launch campaign before the busiest week of
/// signups, each incident where the error rate spikes and its fix where it falls back.</summary>
[Collection(DemoDatasetCollection.Name)]
public sealed class StoryAnnotationsTests(DemoDataset demo)
{
    [Fact]
    public void They_are_platform_wide_valid_notes_a_campaign_then_an_incident_and_its_fix_each_time()
    {
        var notes = demo.Simulation.Annotations();
        Assert.Equal("campaign", notes[0].Kind);
        Assert.Equal(demo.Simulation.Start, notes[0].At);
        Assert.Equal(["incident", "deploy", "incident", "deploy", "incident", "deploy"], notes.Skip(1).Select(n => n.Kind)); // 90 days: three incidents
        Assert.All(notes, n =>
        {
            Assert.Equal("all", n.Scope);
            Assert.InRange(n.Text.Length, 1, 500);
            Assert.InRange(n.At, demo.Simulation.Start, demo.Simulation.End);
            Assert.Equal(0, n.At.Ticks % TimeSpan.TicksPerMillisecond);
        });
        foreach (var pair in notes.Skip(1).Chunk(2))
        {
            Assert.InRange(pair[1].At - pair[0].At, TimeSpan.FromMinutes(45), TimeSpan.FromHours(3));
        }
    }

    [Fact]
    public void Every_upstream_failure_is_between_an_incident_and_its_fix_where_the_platform_s_error_rate_spikes()
    {
        var windows = demo.Simulation.Annotations().Skip(1).Chunk(2).Select(p => (From: p[0].At, To: p[1].At)).ToList();
        bool Inside(RunCompleted r) => windows.Any(w => r.CompletedAt >= w.From && r.CompletedAt < w.To);
        var runs = demo.Runs.ToList();
        Assert.All(runs.Where(r => r.ErrorCode == "upstream_unavailable"), r => Assert.True(Inside(r), $"{r.RunId} failed upstream outside every incident"));

        var inside = runs.Where(Inside).ToList();
        var outside = runs.Where(r => !Inside(r)).ToList();
        double FailedShare(List<RunCompleted> set) => set.Count(r => !r.Succeeded) / (double)set.Count;
        Assert.True(inside.Count >= 20, $"only {inside.Count} runs during incidents");
        // Most incidents hit one template's agents (which fail several times as often), so the platform's rate about doubles.
        Assert.True(FailedShare(inside) > 1.5 * FailedShare(outside), $"{FailedShare(inside):P1} failed during incidents, {FailedShare(outside):P1} otherwise");
    }

    [Fact]
    public void The_launch_campaign_comes_before_the_busiest_week_of_new_workspaces()
    {
        var start = demo.Simulation.Annotations()[0].At;
        // A workspace's first signup is its founder's, when it is created.
        var created = demo.Users.OfType<UserSignedUp>().GroupBy(s => s.WorkspaceId).Select(g => g.Min(s => s.OccurredAt)).ToList();
        var perWeek = created.GroupBy(t => (int)((t - start).TotalDays / 7)).ToDictionary(g => g.Key, g => g.Count());
        Assert.DoesNotContain(created, t => t < start);
        Assert.Equal(0, perWeek.MaxBy(w => w.Value).Key);
        Assert.True(perWeek[0] >= created.Count / 5, $"{perWeek[0]} of {created.Count} workspaces in the launch week");
    }
}
