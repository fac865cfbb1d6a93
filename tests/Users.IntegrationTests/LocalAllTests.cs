using System.Net;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.Users.IntegrationTests.Events;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary><c>all</c> for a reader in a half-hour zone, on a scope whose history is younger than an hour: its one bucket
/// starts at the local week start, inside the UTC hour where asOf also lies.</summary>
[Collection(ServersCollection.Name)]
public sealed class LocalAllTests(UsersServersFixture servers) : ServiceTests<UsersService>(servers)
{
    [Fact]
    public async Task A_first_week_inside_one_utc_hour_is_counted_exactly()
    {
        // Monday 2026-11-02 00:00 IST is 11-01 18:30Z; the events come 5 and 15 minutes later, asOf 20 minutes later.
        using (var accepted = await Service.Ingest.PostAsync("/api/users/events", Batch(
            Active("la-1", "ws_la", "u_1", At("2026-11-01T18:35:00Z")), Active("la-2", "ws_la", "u_2", At("2026-11-01T18:45:00Z")))))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var o = await Service.OverviewAsync("ws_la", "all", "2026-11-01T18:50:00Z", "&tz=Asia%2FKolkata&weekStart=monday");

        Assert.Equal([new TimeSeriesPoint(At("2026-11-01T18:30:00Z"), 2)], o.UsersTrend);
    }
}
