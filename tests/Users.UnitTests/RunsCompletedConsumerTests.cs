using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Users.IntegrationEvents;
using ExecutiveDashboard.Users.IntegrationEvents.EventHandling;
using static ExecutiveDashboard.Users.UnitTests.Utc;

namespace ExecutiveDashboard.Users.UnitTests;

public sealed class RunsCompletedConsumerTests
{
    [Fact]
    public void Each_run_makes_its_user_active_at_completedAt_in_utc()
    {
        var message = new RunsActivity([
            new RunActivity("e1", "ws_1", "u1", At("2026-11-02T09:00:00")),
            new RunActivity("e2", "ws_2", "u2", DateTime.SpecifyKind(At("2026-11-02T10:00:00"), DateTimeKind.Unspecified)),
        ]);

        var activity = RunsCompletedConsumer.ToActivity(message);

        Assert.Equal([
            new UserActiveEvent("e1", "ws_1", "u1", At("2026-11-02T09:00:00")),
            new UserActiveEvent("e2", "ws_2", "u2", At("2026-11-02T10:00:00")),
        ], activity);
        Assert.All(activity, a => Assert.Equal(DateTimeKind.Utc, a.OccurredAt.Kind));
    }
}
