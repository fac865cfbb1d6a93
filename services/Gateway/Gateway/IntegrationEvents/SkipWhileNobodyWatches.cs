using ExecutiveDashboard.Gateway.Realtime;
using MassTransit;

namespace ExecutiveDashboard.Gateway.IntegrationEvents;

/// <summary>
/// Leaves the messages of a replica's live queues unread while no browser is subscribed to it: its consumers would find
/// nobody to send a frame to. It runs on the received bytes, before MassTransit parses them, which for the
/// <c>RunsCompleted</c> of an ingest batch (1,000 runs, 300 KB of JSON) is most of what consuming it costs. A skipped message
/// is acknowledged and gone: the replica's temporary queues set nothing aside.
/// </summary>
public sealed class SkipWhileNobodyWatches(LiveHub hub) : IFilter<ReceiveContext>
{
    public Task Send(ReceiveContext context, IPipe<ReceiveContext> next) => hub.HasSubscribers ? next.Send(context) : Task.CompletedTask;

    public void Probe(ProbeContext context) => context.CreateFilterScope("skipWhileNobodyWatches");
}
