using System.Diagnostics;
using ExecutiveDashboard.Exports.Csv;
using ExecutiveDashboard.Exports.Files;
using ExecutiveDashboard.Exports.Pdf;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>What the exports service's writers allocate on the managed heap and how long they take per file, rendered
/// in this process on this thread, as the service renders: into a <see cref="MemoryStream"/>. Skia's native memory is
/// not in these figures: the service's resident memory (<see cref="ServiceProcess"/>) holds it.</summary>
public static class RenderAllocation
{
    /// <summary>The writers as the service makes them, with the fonts of the OS package the scripts install.</summary>
    public static IReadOnlyList<IDashboardFile> Writers() => [new PdfDashboard(PdfFonts.Load(PdfFonts.DefaultDirectory)), new CsvDashboard()];

    /// <summary>Renders once unmeasured (code, fonts), then <paramref name="renders"/> times.</summary>
    public static (double[] Allocated, double[] Ms) Measure(IDashboardFile file, ExportDocument document, int renders)
    {
        file.Write(document, new MemoryStream());
        var allocated = new double[renders];
        var ms = new double[renders];
        for (var i = 0; i < renders; i++)
        {
            using var output = new MemoryStream();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            file.Write(document, output);
            ms[i] = watch.Elapsed.TotalMilliseconds;
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        return (allocated, ms);
    }
}
