using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary>
/// Each replica keeps the activity spans in memory and reads again the rows written since its last
/// poll: a row that a later batch merges into (same user, same 64-day block) must be read again, by this
/// replica and by another one.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SpansCacheTests(UsersServersFixture servers) : TwoReplicas<UsersService>(servers)
{
    private static async Task<long?> DauAsync(UsersService replica, string asOf) =>
        (await replica.OverviewAsync("ws_1", "24h", asOf)).UserMetrics.Dau;

    [Fact]
    public async Task A_merged_row_is_read_again_by_every_replica()
    {
        await IngestAsync(One, Active("a-1", "ws_1", "u_1", At("2026-11-10T08:00:00Z")));
        Assert.Equal(1, await DauAsync(One, "2026-11-10T12:00:00Z"));
        Assert.Equal(1, await DauAsync(Two, "2026-11-10T12:00:00Z"));
        Assert.Equal(0, await DauAsync(Two, "2026-11-12T12:00:00Z"));

        // Two days later in the same block: the stored row is merged, not added.
        await IngestAsync(Two, Active("a-2", "ws_1", "u_1", At("2026-11-12T08:00:00Z")));
        Assert.Equal(1, await DauAsync(One, "2026-11-12T12:00:00Z"));
        Assert.Equal(1, await DauAsync(Two, "2026-11-12T12:00:00Z"));
        Assert.Equal(1, await DauAsync(One, "2026-11-10T12:00:00Z"));
    }
}
