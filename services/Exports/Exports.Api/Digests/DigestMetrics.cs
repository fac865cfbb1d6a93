using System.Diagnostics.Metrics;

namespace ExecutiveDashboard.Exports.Digests;

/// <summary>The digests' meter (on the exports service's): attempts by outcome.</summary>
public sealed class DigestMetrics(IMeterFactory meters)
{
    public const string SendsInstrument = "dashboard.digests.sends";

    private readonly Counter<long> _sends = meters.Create(Telemetry.ExportsMetrics.MeterName).CreateCounter<long>(SendsInstrument,
        unit: "{attempt}", description: "Digest send attempts, by outcome: sent, retried (failed, to be tried again), failed (every attempt failed), skipped (scope no longer granted).");

    public void Attempted(string outcome) => _sends.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
