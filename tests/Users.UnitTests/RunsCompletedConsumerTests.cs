using ExecutiveDashboard.Contracts.Ingest;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Users.IntegrationEvents.EventHandling;
using static ExecutiveDashboard.Users.UnitTests.Utc;

namespace ExecutiveDashboard.Users.UnitTests;

public sealed class RunsCompletedConsumerTests
{
    [Fact]
    public void Each_run_makes_its_user_active_at_completedAt_in_utc()
    {
        var message = new RunsCompleted(Guid.NewGuid(), [
            new RunCompleted("e1", "ws_1", "r1", "ag_1", null, "u1", true,
                At("2026-11-02T08:00:00"), At("2026-11-02T09:00:00"), 1m, null),
            new RunCompleted("e2", "ws_2", "r2", "ag_1", null, "u2", false,
                At("2026-11-02T08:00:00"), DateTime.SpecifyKind(At("2026-11-02T10:00:00"), DateTimeKind.Unspecified), 1m, "X"),
        ]);

        var activity = RunsCompletedConsumer.ToActivity(message);

        Assert.Equal([
            new UserActiveEvent("e1", "ws_1", "u1", At("2026-11-02T09:00:00")),
            new UserActiveEvent("e2", "ws_2", "u2", At("2026-11-02T10:00:00")),
        ], activity);
        Assert.All(activity, a => Assert.Equal(DateTimeKind.Utc, a.OccurredAt.Kind));
    }
}
