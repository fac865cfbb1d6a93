using System.Diagnostics.Metrics;
using ExecutiveDashboard.Alerts.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>The alerts service's meter as the Aspire dashboard shows it: every rule's verdict on every scope evaluated.</summary>
[Collection(ServersCollection.Name)]
public sealed class MetersTests(AlertsServersFixture servers)
{
    [Fact]
    public async Task Each_rule_counts_its_verdict_on_each_scope()
    {
        await using var service = servers.NewService();
        _ = service.Server;
        using var evaluations = new MetricCollector<long>(service.Services.GetRequiredService<IMeterFactory>(),
            AlertsMetrics.MeterName, AlertsMetrics.EvaluationsInstrument);
        // Half of 100 runs failed in the last hour: the high error rate fires. ws_silent has no signals: unknown.
        service.Signals.Set("ws_failing", FakeSignals.Errors(runs: 100, failed: 50));

        await service.Evaluator.EvaluateAsync(["ws_failing", "ws_silent"], CancellationToken.None);

        var counted = evaluations.GetMeasurementSnapshot();
        // Seven rules (five built in, ingest-quarantine and goal-off-track), two scopes.
        Assert.Equal(14, counted.EvaluateAsCounter());
        Assert.Equal(1, Count(counted, "high-error-rate", "firing"));
        Assert.Equal(1, Count(counted, "high-error-rate", "unknown"));
    }

    private static long Count(IReadOnlyList<CollectedMeasurement<long>> measurements, string rule, string outcome) =>
        measurements.Where(m => m.ContainsTags(new KeyValuePair<string, object?>("rule", rule), new KeyValuePair<string, object?>("outcome", outcome)))
            .Sum(m => m.Value);
}
