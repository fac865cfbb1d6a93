using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.Queries;
using ExecutiveDashboard.Platform.WarmUp;

namespace ExecutiveDashboard.Executions.Reads;

/// <summary>The platform's overview and signals, read once before the service reports itself ready: the gateway's first
/// overview and the alerts service's first evaluation then find the readers compiled and the pool open.</summary>
public sealed class ExecutionsWarmUp(ExecutionsOverviewQuery overview, ExecutionSignalsQuery signals, TimeProvider clock) : IWarmUp
{
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await overview.GetAsync(new OverviewRequest(Scopes.Platform, Timeframe.Day, now), cancellationToken);
        await signals.GetAsync([Scopes.Platform], now, 0, cancellationToken);
    }
}
