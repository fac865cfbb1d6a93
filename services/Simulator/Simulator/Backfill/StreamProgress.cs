using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.Backfill;

/// <summary>How far one stream is: events answered by the gateway (accepted or duplicate) out of its total.</summary>
public sealed record StreamProgress(EventStream Stream, long Sent, long Total, long Accepted, long Duplicates)
{
    public double Fraction => Total == 0 ? 1 : (double)Sent / Total;

    public bool IsDone => Sent >= Total;
}
