using System.Text.Json;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.Users.IntegrationEvents;
using MassTransit;
using MassTransit.Serialization;
using static ExecutiveDashboard.Users.UnitTests.Utc;

namespace ExecutiveDashboard.Users.UnitTests;

/// <summary>The users service reads the runs of <see cref="RunsCompleted"/> through <see cref="RunsActivity"/>: the two must
/// stay one message on the bus, and a run published must read as who was active when.</summary>
public sealed class RunsActivityTests
{
    [Fact]
    public void A_published_RunsCompleted_reads_as_each_runs_user_and_completion()
    {
        var published = new RunsCompleted(Guid.NewGuid(), [
            new RunCompleted("e1", "ws_1", "r1", "ag_1", "Invoice triage", "u1", true,
                At("2026-11-02T08:59:00"), At("2026-11-02T09:00:00.123"), 12.5m, null),
            new RunCompleted("e2", "ws_2", "r2", "ag_2", null, "u2", false,
                At("2026-11-02T09:59:59"), At("2026-11-02T10:00:00"), 0.4m, "timeout"),
        ]);

        // As MassTransit's serializer writes the message and reads it on the other side.
        var json = JsonSerializer.Serialize(published, SystemTextJsonMessageSerializer.Options);
        var read = JsonSerializer.Deserialize<RunsActivity>(json, SystemTextJsonMessageSerializer.Options)!;

        Assert.Equal([
            new RunActivity("e1", "ws_1", "u1", At("2026-11-02T09:00:00.123")),
            new RunActivity("e2", "ws_2", "u2", At("2026-11-02T10:00:00")),
        ], read.Runs);
    }

    [Fact]
    public void It_is_the_same_message_as_the_contract()
    {
        Assert.Equal(MessageUrn.ForTypeString<RunsCompleted>(), MessageUrn.ForTypeString<RunsActivity>());
    }
}
