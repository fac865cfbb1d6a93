using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Benchmarks;
using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Generation.Events;

// Load and latency harness against a running system (./run.sh --no-demo). Prints figures; asserts nothing.
//   dotnet run -c Release --project tests/Benchmarks -- [--gateway URL] [--runs N] [--workspaces N] [--users N]
//       [--subscriptions N] [--user-activity N] [--days N] [--seed N] [--skip-seed] [--from N] [--samples N] [--parallel N]
// The dataset comes from the demo simulator's generator (services/Simulator/Simulator.Generator, docs/demo-data.md):
// workspaces bw_00001… (bw_00001 is the oldest, a large design partner), users, agents, runs in time order, billing.
// Real time (LiveBenchmark): --live [--clients N] [--rate N] [--seconds N] [--workspaces N]
// Page in headless Chromium (PageBenchmark): --page [--samples 30] [--timeframe 90d] [--screenshot FILE]: N loads without and N
//     with the browser cache, then N runs ingested from inside the page (202 → feed line and card, metrics_update → card)
// Exports (ExportBenchmark), after the seed or with --skip-seed: --exports [--samples N] [--exports-pid N]
// Ingest over the bus (AmqpIngest): --amqp amqp://guest:guest@127.0.0.1:PORT sends the executions batches to the queue
//     executions-ingest instead of POSTing them (users and billing still over HTTP); the reads follow as usual
// Digests (DigestBenchmark): --digests N weekly digests with their PDF due at one instant, sent through the app's SMTP server,
//     then screenshots of the Digests dialog in artifacts/ (--digests 0: the screenshots alone)
// Cold starts (ColdStartBenchmark): --cold [--starts 3] [--rounds 10] starts ./run.sh --no-demo --release of this checkout
//     itself (nothing may run on the gateway's port), times the first overview, live frames and alert after each start
//     against warm rounds, and stops it
var options = Options.Parse(args);
var end = DateTime.UtcNow.Date.AddDays(1);
var dataset = new PlatformSimulation(new SimulationOptions
{
    End = end,
    Days = options.Days,
    Workspaces = options.Workspaces,
    Users = options.Users,
    Runs = options.Runs,
    UserActiveEvents = options.UserActivity,
    SubscriptionEvents = options.Subscriptions,
    Seed = options.Seed,
    IdPrefix = "bench",
    WorkspacePrefix = "bw",
});
if (args.Contains("--cold"))
{
    await new ColdStartBenchmark(new Uri(options.Gateway), options.Starts, options.Rounds).RunAsync();
    return;
}
var http = new HttpClient { BaseAddress = new Uri(options.Gateway), Timeout = TimeSpan.FromMinutes(2) };

var ingest = await TokenAsync("ingest");
var ceo = await TokenAsync("ceo");
if (args.Contains("--page"))
{
    await new PageBenchmark(new Uri(options.Gateway), ingest, options.Samples, options.Timeframe, options.Screenshot).RunAsync();
    return;
}
if (Array.IndexOf(args, "--digests") is var digestsAt and >= 0)
{
    var digests = new DigestBenchmark(http, name => TokenAsync("ceo", name), int.Parse(args[digestsAt + 1], CultureInfo.InvariantCulture));
    await digests.RunAsync();
    await digests.ScreenshotsAsync(new Uri(options.Gateway), "artifacts");
    return;
}
if (args.Contains("--live"))
{
    await new LiveBenchmark(http, ingest, () => TokenAsync("ceo", $"Benchmark ceo {Guid.NewGuid():N}"), options.Clients, Math.Min(options.Workspaces, options.Clients), options.Rate, options.Seconds).RunAsync();
    return;
}

Console.WriteLine($"dataset: {options.Workspaces:N0} workspaces, {options.Users:N0} users, {options.Runs:N0} runs over {options.Days} days, " +
                  $"{dataset.CountOf(EventStream.Billing):N0} billing events ({options.Subscriptions:N0} subscription events), {options.UserActivity:N0} sessions (seed {options.Seed})");

// The executions events sent over HTTP and how long their 202s took, for the settled rate below, and every process's CPU
// time before them.
long ingested = 0;
var ingestTime = TimeSpan.Zero;
ProcessCpu? cpuBefore = null;
long cpuEvents = 0;
if (!options.SkipSeed)
{
    // --from N continues an earlier seed at run N: its users and subscriptions are in already.
    if (options.From == 0)
    {
        await SendAllAsync("users", Batches(dataset.UserEvents()));
        await SendAllAsync("billing", Batches(dataset.BillingEvents()));
    }
    // The batches are generated and serialized before the clock starts: the load generator shares the machine's two
    // cores with the system it measures, and a real sender would be another machine.
    var preparing = Stopwatch.StartNew();
    var batches = Batches(dataset.ExecutionEvents(options.From)).ToList();
    Console.WriteLine($"prepared {batches.Sum(b => b.Events):N0} events in {batches.Count:N0} batches in {preparing.Elapsed.TotalSeconds:F1} s");
    cpuBefore = ProcessCpu.Now();
    if (options.Amqp is { } broker)
    {
        cpuEvents = await new AmqpIngest(new Uri(broker), options.Parallel).SendAllAsync(batches);
    }
    else
    {
        var watch = Stopwatch.StartNew();
        ingested = await SendAllAsync("executions", batches);
        ingestTime = watch.Elapsed;
        cpuEvents = ingested;
        Console.WriteLine($"ingest: {ingested:N0} run.completed and agent.created in {ingestTime.TotalSeconds:F1} s = {ingested / ingestTime.TotalSeconds:N0} events/s (batches of 1,000, {options.Parallel} in flight)");
    }
}

// Reads measured while the consumers still work through the ingest would measure the backlog: wait until the
// platform's numbers stop changing (the run count, the user metrics, the users trend; read every 0.5 s until unchanged
// for 10 s, at most 30 minutes). The users service merges runs in time order, so some count grows until its backlog is
// gone. "Settled" is when the last change was seen (to within 0.5 s); the settled rate and the CPU per event count until then.
var settling = Stopwatch.StartNew();
var lastChange = TimeSpan.Zero;
var cpuSettled = ProcessCpu.Now();
for (var (previous, reported) = ("", 0); settling.Elapsed < TimeSpan.FromMinutes(30);)
{
    var numbers = await PlatformNumbersAsync();
    if (numbers != previous)
    {
        (previous, lastChange, cpuSettled) = (numbers, settling.Elapsed, ProcessCpu.Now());
    }
    else if (settling.Elapsed - lastChange >= TimeSpan.FromSeconds(10))
    {
        Console.WriteLine($"settled: the platform's numbers last changed {lastChange.TotalSeconds:F1} s after the last 202 " +
                          $"(unchanged for 10 s since)" + (ingested > 0
                              ? $"; {ingested / (ingestTime + lastChange).TotalSeconds:N0} events/s from the first request to settled"
                              : ""));
        if (cpuBefore is not null && cpuEvents > 0)
        {
            cpuSettled.PrintSince(cpuBefore, cpuEvents);
        }
        break;
    }
    if ((int)settling.Elapsed.TotalSeconds / 5 > reported)
    {
        reported = (int)settling.Elapsed.TotalSeconds / 5;
        Console.WriteLine($"waiting for the numbers to settle ({settling.Elapsed.TotalSeconds:F0} s)…");
    }
    await Task.Delay(TimeSpan.FromMilliseconds(500));
}

// Every invocation reads at instants of its own, so an answer cached by an earlier run is never a "miss".
var origin = end.AddHours(-1).AddSeconds(-Random.Shared.Next(0, 86_400));

if (args.Contains("--exports"))
{
    await new ExportBenchmark(http, () => TokenAsync("ceo", $"Benchmark exporter {Guid.NewGuid():N}"), path => MeasureAsync(path), options.Samples, origin, options.ExportsPid).RunAsync();
    return;
}

// The overview's latency, then again once both measured scopes carry what a CEO's dashboard does: goals, and annotations in
// their periods. The alerts service answers those with the active alerts in the overview's one call to it; the two tables,
// taken minutes apart on the same data, show what they add. The second reads 10 minutes earlier instants: no answer is reused.
await LatencyTableAsync("without goals or annotations", origin);
await AddGoalsAndAnnotationsAsync();
await LatencyTableAsync("with 3 goals and 10 more annotations on each scope", origin.AddMinutes(-10));

// A reader's time zone against UTC: the same reads, alternating, each at an asOf of its own (a miss), a half-hour zone whose
// edges fall on minute rollups and a week that starts on Sunday.
const string LocalZone = "tz=Asia%2FKolkata&weekStart=sunday";
Console.WriteLine($"local time zone ({LocalZone}) against UTC, miss, {options.Samples} samples each, alternating (ms):");
Console.WriteLine("scope        timeframe  UTC p50  UTC p95  local p50  local p95  ratio p50  ratio p95");
foreach (var scope in new[] { "all", "bw_00001" })
{
    foreach (var timeframe in new[] { "7d", "30d", "90d", "all" })
    {
        var both = await MeasureAsync(i => $"/api/executive/overview?workspace_id={scope}&timeframe={timeframe}&asOf={Iso(origin.AddMinutes(-20).AddMilliseconds(-i))}"
                                           + (i % 2 == 1 ? $"&{LocalZone}" : ""), 2 * options.Samples);
        var utc = both.Where((_, i) => i % 2 == 0).ToArray();
        var local = both.Where((_, i) => i % 2 == 1).ToArray();
        Console.WriteLine($"{scope,-12} {timeframe,-9} {P(utc, 50),8:F1} {P(utc, 95),8:F1} {P(local, 50),10:F1} {P(local, 95),10:F1} " +
                          $"{P(local, 50) / P(utc, 50),10:F2} {P(local, 95) / P(utc, 95),10:F2}");
    }
}

async Task LatencyTableAsync(string label, DateTime from)
{
    Console.WriteLine($"overview latency {label}, {options.Samples} samples each (ms), asOf from {Iso(from)} back:");
    Console.WriteLine("scope        timeframe  miss p50  miss p95  hit p50  hit p95");
    foreach (var scope in new[] { "all", "bw_00001" })
    {
        foreach (var timeframe in new[] { "24h", "7d", "30d", "90d", "all" })
        {
            // A cache miss: each request asks a distinct asOf (1 ms apart), so no answer can be reused.
            var miss = await MeasureAsync(i => $"/api/executive/overview?workspace_id={scope}&timeframe={timeframe}&asOf={Iso(from.AddMilliseconds(-i))}");
            var hit = await MeasureAsync(_ => $"/api/executive/overview?workspace_id={scope}&timeframe={timeframe}&asOf={Iso(from)}");
            Console.WriteLine($"{scope,-12} {timeframe,-9} {P(miss, 50),9:F1} {P(miss, 95),9:F1} {P(hit, 50),8:F1} {P(hit, 95),8:F1}");
        }
    }
}

async Task AddGoalsAndAnnotationsAsync()
{
    var due = DateTime.UtcNow.Date.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    string[] kinds = ["deploy", "incident", "campaign", "note"];
    var (goals, annotations) = (0, 0);
    foreach (var scope in new[] { "all", "bw_00001" })
    {
        foreach (var (metric, target) in new[] { ("mrr", 10_000_000m), ("runs", 2_000_000m), ("successRate", 99m) })
        {
            // 409 when an earlier run against this system set it already: it is there either way.
            using var set = await SendJsonAsync(HttpMethod.Post, "/api/goals", ceo, new { workspaceId = scope, metric, target, targetDate = due });
            if (!set.IsSuccessStatusCode && set.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                throw new InvalidOperationException($"goal {metric} of {scope}: {(int)set.StatusCode} {await set.Content.ReadAsStringAsync()}");
            }
            goals++;
        }
        for (var i = 0; i < 10; i++)
        {
            using var marked = await SendJsonAsync(HttpMethod.Post, "/api/annotations", ingest, new
            {
                at = Iso(end.AddDays(-1 - 9 * i).AddHours(-i)), scope, kind = kinds[i % kinds.Length], text = $"Benchmark annotation {i + 1} of {scope}",
            });
            marked.EnsureSuccessStatusCode();
            annotations++;
        }
    }
    Console.WriteLine($"goals and annotations: {goals} goals and {annotations} more annotations on all and bw_00001 (one every 9 days of the last 90)");
}

async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string token, object body)
{
    using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return await http.SendAsync(request);
}

static IEnumerable<(int Events, byte[] Json)> Batches(IEnumerable<PlatformEvent> events) =>
    events.Chunk(1_000).Select(batch => (batch.Length, EventJson.Serialize(batch)));

async Task<long> SendAllAsync(string service, IEnumerable<(int Events, byte[] Json)> batches)
{
    long sent = 0;
    await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, async (batch, ct) =>
    {
        using var response = await PostBatchAsync(service, batch.Json, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{service}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        var total = Interlocked.Add(ref sent, batch.Events);
        if (total % 100_000 < batch.Events)
        {
            Console.WriteLine($"  {service}: {total:N0} events");
        }
    });
    return sent;
}

async Task<HttpResponseMessage> PostBatchAsync(string service, byte[] json, CancellationToken ct)
{
    while (true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/{service}/events") { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ingest);
        var response = await http.SendAsync(request, ct);
        if (response.StatusCode != System.Net.HttpStatusCode.TooManyRequests)
        {
            return response;
        }
        // The gateway's ingest limits per token (batches in flight, batches per second): wait as told.
        var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
        response.Dispose();
        await Task.Delay(wait, ct);
    }
}

async Task<double[]> MeasureAsync(Func<int, string> path, int? samples = null)
{
    var timings = new double[samples ?? options.Samples];
    for (var i = 0; i < timings.Length; i++)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path(i));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ceo);
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        timings[i] = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            // The gateway's per-token rate limit: wait as told and take the sample again.
            await Task.Delay(TimeSpan.FromSeconds(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1));
            i--;
            continue;
        }
        response.EnsureSuccessStatusCode();
    }
    return timings;
}

async Task<string> PlatformNumbersAsync()
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/executive/overview?workspace_id=all&timeframe=all&asOf={Iso(end)}");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ceo);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    var overview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    // A section left out (degraded under load) is not an answer: such a read never equals the one before.
    var runs = overview["executionMetrics"]?["totalRuns"]?.ToJsonString() ?? Guid.NewGuid().ToString();
    return $"{runs} {overview["userMetrics"]?.ToJsonString() ?? Guid.NewGuid().ToString()} {overview["trends"]?["users"]?.ToJsonString()}";
}

Task<string> TokenAsync(string role, string? name = null) => DevTokens.GetAsync(http, role, name);

static double P(double[] values, double percentile) => Percentile.Of(values, percentile);

static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

internal sealed record Options(string Gateway, long Runs, int Workspaces, int Users, int Subscriptions, int UserActivity, int Days, int Seed,
    bool SkipSeed, long From, int Samples, int Parallel, int Clients, int Rate, int Seconds, string Timeframe, string Screenshot, int? ExportsPid, string? Amqp, int Starts, int Rounds)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        return new Options(
            Get("--gateway", "http://localhost:8080"),
            long.Parse(Get("--runs", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--workspaces", "2000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--users", "100000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--subscriptions", "5000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--user-activity", "0"), CultureInfo.InvariantCulture),
            int.Parse(Get("--days", "90"), CultureInfo.InvariantCulture),
            int.Parse(Get("--seed", "42"), CultureInfo.InvariantCulture),
            args.Contains("--skip-seed"),
            long.Parse(Get("--from", "0"), CultureInfo.InvariantCulture),
            // The page's samples take seconds each (a load, a run ingested and seen): fewer by default.
            int.Parse(Get("--samples", args.Contains("--page") ? "30" : "100"), CultureInfo.InvariantCulture),
            int.Parse(Get("--parallel", "4"), CultureInfo.InvariantCulture),
            int.Parse(Get("--clients", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--rate", "2000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--seconds", "30"), CultureInfo.InvariantCulture),
            Get("--timeframe", "90d"),
            Get("--screenshot", "artifacts/dashboard.png"),
            Get("--exports-pid", "") is { Length: > 0 } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Get("--amqp", "") is { Length: > 0 } amqp ? amqp : null,
            int.Parse(Get("--starts", "3"), CultureInfo.InvariantCulture),
            int.Parse(Get("--rounds", "10"), CultureInfo.InvariantCulture));
    }
}
