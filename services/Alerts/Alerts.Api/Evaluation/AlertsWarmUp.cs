using ExecutiveDashboard.Alerts.Model;
using ExecutiveDashboard.Alerts.Storage;
using ExecutiveDashboard.Contracts.Metrics;
using ExecutiveDashboard.Platform.WarmUp;

namespace ExecutiveDashboard.Alerts.Evaluation;

/// <summary>What an evaluation reads, read once for the platform before the service reports itself ready: the first
/// alert after a start then finds the signals clients connected to the executions and billing services and the store's
/// reads compiled. Nothing is evaluated or written: an evaluation at start would raise alerts and count verdicts
/// that no change and no tick asked for.</summary>
public sealed class AlertsWarmUp(ISignalSource signals, AlertStore store, TimeProvider clock) : IWarmUp
{
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await Task.WhenAll(
            signals.ReadAsync([Scopes.Platform], now, cancellationToken),
            store.SettingsAsync(cancellationToken),
            store.ListAsync(Scopes.Platform, AlertState.Active, now, 1, cancellationToken));
    }
}
