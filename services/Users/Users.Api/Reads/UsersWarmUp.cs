using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.Platform.WarmUp;

namespace ExecutiveDashboard.Users.Reads;

/// <summary>The platform's overview, read once before the service reports itself ready: the gateway's first overview
/// then finds the reader compiled and the pool open.</summary>
public sealed class UsersWarmUp(UsersOverviewQuery overview, TimeProvider clock) : IWarmUp
{
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        // "Now" as a read without asOf states it (to the second): the spans count windows of whole milliseconds only.
        overview.GetAsync(new OverviewRequest(Scopes.Platform, Timeframe.Day, OverviewRequest.NowToTheSecond(clock.GetUtcNow().UtcDateTime)),
            cancellationToken);
}
