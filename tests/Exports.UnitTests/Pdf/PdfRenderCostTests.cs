using System.Diagnostics;
using Xunit.Abstractions;

namespace ExecutiveDashboard.Exports.UnitTests.Pdf;

/// <summary>What one render of the 90-day platform document costs. Time is printed, never asserted (it depends on the
/// machine); managed allocation is bounded by the 100 MB per render.</summary>
public class PdfRenderCostTests(ITestOutputHelper output)
{
    [Fact]
    public void A_90_day_platform_render_allocates_well_under_100_MB()
    {
        var document = DashboardFixtures.Platform90Days();
        using var warm = new MemoryStream();
        RenderedPdf.Renderer.Write(document, warm);

        const int runs = 5;
        long bytes = 0, size = 0;
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            using var stream = new MemoryStream();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            RenderedPdf.Renderer.Write(document, stream);
            times.Add(clock.Elapsed.TotalMilliseconds);
            bytes = Math.Max(bytes, GC.GetAllocatedBytesForCurrentThread() - before);
            size = stream.Length;
        }
        output.WriteLine($"90-day platform PDF: {size:N0} bytes; render median {times.Order().ElementAt(runs / 2):F1} ms " +
            $"(min {times.Min():F1}, max {times.Max():F1}); managed allocation at most {bytes / 1024.0 / 1024.0:F2} MB");
        Assert.InRange(bytes, 1, 100L * 1024 * 1024);
    }
}
