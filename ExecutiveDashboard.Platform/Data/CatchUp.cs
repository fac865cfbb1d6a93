using System.Diagnostics;

namespace ExecutiveDashboard.Platform.Data;

/// <summary>
/// One catch-up at a time (folding or reading what transactions committed since the last one), and every
/// caller returns once a catch-up that began after its call has finished: a read then sees everything
/// committed before it began, and a burst of reads shares one catch-up instead of queuing one each.
/// </summary>
public sealed class CatchUp
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastBegan = long.MinValue;   // when the last catch-up that finished began

    public async Task RunAsync(Func<CancellationToken, Task> catchUp, CancellationToken cancellationToken)
    {
        var asked = Stopwatch.GetTimestamp();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_lastBegan > asked)
            {
                return;
            }
            var began = Stopwatch.GetTimestamp();
            await catchUp(cancellationToken);
            _lastBegan = began;
        }
        finally
        {
            _gate.Release();
        }
    }
}
