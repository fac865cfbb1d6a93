using System.Diagnostics;
using ExecutiveDashboard.Simulator.Backfill;
using ExecutiveDashboard.Simulator.Generation.Events;

namespace ExecutiveDashboard.Simulator.Cli;

/// <summary>One console line, rewritten in place (<c>\r</c>): bar, percent, events, rate, ETA and each stream's percent.</summary>
public sealed class ConsoleProgressBar(BackfillProgress progress, TextWriter output)
{
    private const int Width = 30;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private int _lastLength;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Draw();
            }
        }
        catch (OperationCanceledException)
        {
        }
        Draw();
        output.WriteLine();
    }

    public void Draw()
    {
        var line = Format(progress.Sent, progress.Total, _watch.Elapsed, progress.Streams);
        output.Write('\r' + line.PadRight(_lastLength));
        _lastLength = line.Length;
    }

    public static string Format(long sent, long total, TimeSpan elapsed, IReadOnlyList<StreamProgress> streams)
    {
        var fraction = total == 0 ? 1 : (double)sent / total;
        var filled = (int)Math.Round(fraction * Width);
        var rate = elapsed.TotalSeconds > 0 ? sent / elapsed.TotalSeconds : 0;
        var eta = rate > 0 && sent < total ? TimeSpan.FromSeconds((total - sent) / rate) : TimeSpan.Zero;
        var each = string.Join(", ", streams.Select(s => $"{PlatformEvent.ServiceOf(s.Stream)} {s.Fraction * 100:F0}%"));
        return $"[{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,5:F1}%  {sent:N0}/{total:N0} events  " +
               $"{rate:N0} ev/s  ETA {eta:hh\\:mm\\:ss}  ({each})";
    }
}
