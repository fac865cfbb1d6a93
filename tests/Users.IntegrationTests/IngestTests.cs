using System.Net;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>What an accepted batch leads to beyond the users numbers: its integration events leave through the outbox. The
/// request itself (limits, refusals, duplicates) is <see cref="IngestContractTests"/>'s.</summary>
[Collection(ServersCollection.Name)]
public sealed class IngestTests(UsersServersFixture servers) : ServiceTests<UsersService>(servers)
{
    private static readonly DateTime T = At("2026-11-28T10:00:00Z");

    [Fact]
    public async Task An_accepted_batch_goes_out_through_the_outbox()
    {
        using var response = await Service.Ingest.PostAsync("/api/users/events",
            Batch(SignedUp("ok-1", "ws_1", "u_1", T, "Ada Lovelace", "ada@example.com"), Active("a-1", "ws_2", "u_1", T)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        // One UserActivitiesRecorded and one MetricsChanged per workspace were enqueued with the events and
        // are deleted once the broker confirmed them.
        for (var i = 0; i < 100 && await Service.ScalarAsync("SELECT count(*) FROM outbox_messages") > 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, await Service.ScalarAsync("SELECT count(*) FROM outbox_messages"));
    }
}
