using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Ingest;

namespace ExecutiveDashboard.Simulator.Backfill;

/// <summary>
/// Sends a simulation's three streams through the gateway at once, each in time order, in batches of
/// <paramref name="batchSize"/> with up to <paramref name="parallel"/> in flight per stream. The very last batch of
/// runs goes only once everything else is stored, so a platform that holds all the backfill's runs holds all of
/// it (<see cref="BackfillCheck"/> relies on that).
/// </summary>
public sealed class BackfillSender(IngestClient client, int parallel, int batchSize)
{
    public async Task RunAsync(PlatformSimulation simulation, BackfillProgress progress, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var firstFailure = new Exception[1];
        var users = SendAsync(simulation.UserEvents(), EventStream.Users, progress, beforeLast: null, failed, firstFailure);
        var billing = SendAsync(simulation.BillingEvents(), EventStream.Billing, progress, beforeLast: null, failed, firstFailure);
        var executions = SendAsync(simulation.ExecutionEvents(), EventStream.Executions, progress, Task.WhenAll(users, billing), failed, firstFailure);
        try
        {
            await Task.WhenAll(users, billing, executions);
        }
        catch when (!cancellationToken.IsCancellationRequested && firstFailure[0] is { } failure)
        {
            // The other streams stopped because of this one: report the cause, not their cancellation.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task SendAsync(
        IEnumerable<PlatformEvent> events, EventStream stream, BackfillProgress progress, Task? beforeLast,
        CancellationTokenSource failed, Exception[] firstFailure)
    {
        // Generating and serialising is CPU work: off the caller's thread, so the three streams overlap.
        await Task.Yield();
        var cancellationToken = failed.Token;
        using var slots = new SemaphoreSlim(parallel);
        var inFlight = new List<Task>();
        PlatformEvent[]? held = null;
        try
        {
            foreach (var batch in events.Chunk(batchSize))
            {
                if (held is not null)
                {
                    await slots.WaitAsync(cancellationToken);
                    inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
                    inFlight.Add(PostAsync(held, release: slots));
                }
                held = batch;
            }
            await Task.WhenAll(inFlight);
            if (held is not null)
            {
                if (beforeLast is not null)
                {
                    await beforeLast;
                }
                await PostAsync(held, release: null);
            }
        }
        catch (Exception e)
        {
            // One refused batch stops the whole backfill, not just this stream.
            if (e is not OperationCanceledException)
            {
                Interlocked.CompareExchange(ref firstFailure[0], e, null);
            }
            await failed.CancelAsync();
            throw;
        }

        async Task PostAsync(PlatformEvent[] batch, SemaphoreSlim? release)
        {
            try
            {
                var body = EventJson.Serialize(batch);
                var result = await client.PostAsync(stream, body, cancellationToken);
                progress.Add(stream, batch.Length, result.Accepted, result.Duplicates);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.CompareExchange(ref firstFailure[0], e, null);
                await failed.CancelAsync();
                throw;
            }
            finally
            {
                release?.Release();
            }
        }
    }
}
