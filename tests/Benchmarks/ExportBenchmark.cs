using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Files;
using ExecutiveDashboard.Exports.Limits;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// Exports through the gateway (docs/exports.md), of the 90-day platform dashboard: the exports service's resident
/// memory over sequential PDF exports; PDF and CSV latency to the last byte and size, with the gateway's overview
/// cached (one asOf for every sample) and missed (each sample a second earlier than the one before); what one render
/// allocates, rendered in this process; and the overview's miss latency idle and while <see cref="Exporters"/> PDF
/// exports run at once. Every export is a person of its own (a fresh development token has a subject of its own), so
/// the service's limits per subject never refuse a sample. Prints figures beside the issue's goals; asserts nothing.
/// </summary>
/// <param name="measureOverview">The normal mode's overview measurement: one latency per sample of the path it is given.</param>
/// <param name="origin">The latest asOf this run reads at; every other is a whole number of seconds earlier.</param>
/// <param name="exportsPid">The exports service's process, when more than one runs on this machine.</param>
public sealed class ExportBenchmark(
    HttpClient http, Func<Task<string>> newCeoToken, Func<Func<int, string>, Task<double[]>> measureOverview,
    int samples, DateTime origin, int? exportsPid)
{
    private const string Scope = "all", Timeframe = "90d", OverviewTimeframe = "30d";
    private const int Exporters = 10;
    private const double Mb = 1024 * 1024;

    private int _instants;
    private int _refused;

    public async Task RunAsync()
    {
        Console.WriteLine($"exports of the {Timeframe} dashboard of '{Scope}' through the gateway, {samples} samples each, a subject per export:");
        var service = FindService();
        // First, while the service has rendered as little as it ever will in this run.
        await MemoryAsync(service);
        await LatencyAsync();
        await AllocationAsync();
        await OverviewUnderLoadAsync(service);
        if (_refused > 0)
        {
            Console.WriteLine($"  {_refused} exports were refused (429) and taken again after Retry-After");
        }
    }

    /// <summary>The exports service's process: the one named, else this checkout's; null (and said) when not found.</summary>
    private ServiceProcess? FindService()
    {
        if (exportsPid is { } pid)
        {
            return new ServiceProcess(pid);
        }
        var project = Path.Combine(RepositoryRoot.Path, "services", "Exports", "Exports.Api") + Path.DirectorySeparatorChar;
        var service = ServiceProcess.Find(project, out var candidates);
        if (service is null)
        {
            Console.WriteLine($"  memory: not measured: {(candidates.Count == 0 ? $"no process of {project}" : $"several processes of {project} ({string.Join(", ", candidates)})")}: name it with --exports-pid");
        }
        return service;
    }

    /// <summary>The exports service's resident memory before and during as many sequential PDF exports as samples, each
    /// of a missed overview. The peak is the larger of what was sampled every 10 ms and VmHWM, reset first.</summary>
    private async Task MemoryAsync(ServiceProcess? process)
    {
        if (process is null)
        {
            return;
        }
        var before = process.ResidentBytes;
        var peakReset = process.ResetPeak();
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, process.ResidentBytes);
                await Task.Delay(10);
            }
        });
        await SeriesAsync(ExportFormat.Pdf, Fresh);
        await stop.CancelAsync();
        await sampler;
        if (peakReset)
        {
            peak = Math.Max(peak, process.PeakBytes);
        }
        var after = process.ResidentBytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  memory of the exports service (pid {process.Pid}) over {samples} sequential PDF exports: resident {before / Mb:F0} MB before, " +
            $"peak {peak / Mb:F0} MB (+{(peak - before) / Mb:F0} MB{(peakReset ? "" : ", VmHWM not resettable: 10 ms samples only")}), {after / Mb:F0} MB after · goal: ≤ 100 MB per render"));
        Console.WriteLine("    (the growth includes what the first renders load once: code, fonts; the allocation per render is below)");
    }

    private async Task LatencyAsync()
    {
        // The cached rows read the overview at one asOf: fill the gateway's cache with it first.
        await ExportAsync(ExportFormat.Csv, Cached, await newCeoToken());
        Console.WriteLine("  ms to the last byte    overview     p50     p95     max      size");
        foreach (var format in ExportFormat.All)
        {
            foreach (var (overview, asOf) in new (string, Func<DateTime>)[] { ("cached", () => Cached), ("missed", Fresh) })
            {
                var (ms, bytes) = await SeriesAsync(format, asOf);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {format.Name,-22} {overview,-8} {Percentile.Of(ms, 50),7:F0} {Percentile.Of(ms, 95),7:F0} {Percentile.Of(ms, 100),7:F0} {Percentile.Of(bytes, 50) / 1024,7:F1} KB"));
            }
        }
        Console.WriteLine("  goals: PDF p95 ≤ 1,000 ms · CSV p95 ≤ 300 ms");
    }

    /// <summary>What rendering one document allocates on the managed heap, in this process, with the service's own writers,
    /// from the overview the gateway gives: no network, no audit, one thread.</summary>
    private async Task AllocationAsync()
    {
        var overview = await ReadOverviewAsync(Cached);
        var document = new ExportDocument(overview, Scope, DateTime.UtcNow, "Benchmark", []);
        foreach (var file in RenderAllocation.Writers())
        {
            var (allocated, ms) = RenderAllocation.Measure(file, document, samples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  in-process {file.Format.Name} render ({samples} renders): allocated p50 {Percentile.Of(allocated, 50) / Mb:F1} MB, max {Percentile.Of(allocated, 100) / Mb:F1} MB · " +
                $"time p50 {Percentile.Of(ms, 50):F0} ms, p95 {Percentile.Of(ms, 95):F0} ms"));
        }
    }

    /// <summary>Overview misses (<c>all</c>, <see cref="OverviewTimeframe"/>) idle, then while <see cref="Exporters"/>
    /// people export PDFs one after another: once on a cached overview (the render's load alone), once each export on an
    /// overview missed (the render's and the overview's). Also the exports service's peak resident memory above its
    /// resident memory before the load (VmHWM): what that many renders at once take.</summary>
    private async Task OverviewUnderLoadAsync(ServiceProcess? service)
    {
        var idle = await measureOverview(_ => OverviewPath(Fresh()));
        var idleP95 = Percentile.Of(idle, 95);
        Console.WriteLine($"  {$"overview miss ({Scope}, {OverviewTimeframe}), ms",-40}     p50     p95  p95/idle  PDFs done  PDF p50  PDF p95  exports RSS peak");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"idle",-40} {Percentile.Of(idle, 50),7:F0} {idleP95,7:F0}"));
        foreach (var (label, asOf) in new (string, Func<DateTime>)[] { ("10 PDF exports, overview cached", () => Cached), ("10 PDF exports, overview missed", Fresh) })
        {
            var exports = new ConcurrentBag<double>();
            var residentBefore = service?.ResidentBytes ?? 0;
            var peakReset = service?.ResetPeak() == true;
            using var stop = new CancellationTokenSource();
            var exporters = Enumerable.Range(0, Exporters).Select(_ => ExportContinuouslyAsync(asOf, exports, stop.Token)).ToArray();
            // Measured once as many files as exporters have come: every exporter is under way, the load what it stays.
            while (exports.Count < Exporters)
            {
                await Task.Delay(50);
            }
            var loaded = await measureOverview(_ => OverviewPath(Fresh()));
            await stop.CancelAsync();
            await Task.WhenAll(exporters);
            var peak = peakReset ? string.Create(CultureInfo.InvariantCulture, $"+{(service!.PeakBytes - residentBefore) / Mb:F0} MB") : "n/a";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {"while " + label,-40} {Percentile.Of(loaded, 50),7:F0} {Percentile.Of(loaded, 95),7:F0} {Percentile.Of(loaded, 95) / idleP95,8:F2}× {exports.Count,10} {Percentile.Of(exports, 50),8:F0} {Percentile.Of(exports, 95),8:F0} {peak,17}"));
        }
        Console.WriteLine("  goal: overview miss p95 while 10 PDF exports run ≤ 2× idle");
    }

    /// <summary>One person after another exporting PDFs until stopped; a new person every <see cref="ExportLimits.PerMinute"/>
    /// exports, so that no one reaches the service's limit.</summary>
    private async Task ExportContinuouslyAsync(Func<DateTime> asOf, ConcurrentBag<double> latencies, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var token = await newCeoToken();
                for (var i = 0; i < ExportLimits.PerMinute; i++)
                {
                    latencies.Add((await ExportAsync(ExportFormat.Pdf, asOf(), token, cancellationToken)).Ms);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<(double[] Ms, double[] Bytes)> SeriesAsync(ExportFormat format, Func<DateTime> asOf)
    {
        var ms = new double[samples];
        var bytes = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            (ms[i], bytes[i]) = await ExportAsync(format, asOf(), await newCeoToken());
        }
        return (ms, bytes);
    }

    /// <summary>One export, timed from the request to its last byte; a 429 is waited out and taken again.</summary>
    private async Task<(double Ms, long Bytes)> ExportAsync(ExportFormat format, DateTime asOf, string token, CancellationToken cancellationToken = default)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/exports/dashboard?workspace_id={Scope}&timeframe={Timeframe}&format={format.Name}&asOf={asOf:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _refused);
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != MediaTypeHeaderValue.Parse(format.ContentType).MediaType)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 500)))}");
            }
            return (elapsed, body.LongLength);
        }
    }

    private async Task<ExecutiveDashboardData> ReadOverviewAsync(DateTime asOf)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture,
            $"/api/executive/overview?workspace_id={Scope}&timeframe={Timeframe}&asOf={asOf:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await newCeoToken());
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ExecutiveDashboardData>(JsonSerializerOptions.Web))!;
    }

    private static string OverviewPath(DateTime asOf) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/executive/overview?workspace_id={Scope}&timeframe={OverviewTimeframe}&asOf={asOf:yyyy-MM-dd'T'HH:mm:ss'Z'}");

    /// <summary>The asOf of the exports of a cached overview: read at first to fill the cache, then at every sample.</summary>
    private DateTime Cached => origin;

    /// <summary>An asOf no request of this run has read at: a second earlier than the last one given.</summary>
    private DateTime Fresh() => origin.AddSeconds(-Interlocked.Increment(ref _instants));
}
