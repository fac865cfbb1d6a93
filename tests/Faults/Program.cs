using System.Diagnostics;
using ExecutiveDashboard.Faults;
using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Testing;

// The faults run (docs/reliability.md). One deterministic dataset is ingested twice, each time into a fresh system:
// once quietly, then while RabbitMQ is paused past its heartbeat, a service is killed and started again, and
// PostgreSQL is paused. Every batch is retried until it gets a 202. The second system must end with the first one's
// numbers (every section of the overview, for the platform and two workspaces, in every timeframe), every event
// stored once (nothing lost, nothing doubled) and every resource running and healthy. Prints figures; exits 1 if not.
//   dotnet run -c Release --project tests/Faults -- [--runs N] [--workspaces N] [--users N] [--days N] [--seed N]
//       [--broker-pause S] [--database-pause S] [--kill RESOURCE] [--spread S]
var options = FaultOptions.Parse(args);
var dataset = new PlatformSimulation(new SimulationOptions
{
    End = DateTime.UtcNow.Date,
    Days = options.Days,
    Workspaces = options.Workspaces,
    Users = options.Users,
    Runs = options.Runs,
    UserActiveEvents = options.Runs / 4,
    Seed = options.Seed,
    IdPrefix = "fault",
    WorkspacePrefix = "fw",
});
var batches = Dataset.Batches(dataset);
Console.WriteLine($"dataset: {batches.Sum(b => b.Events):N0} events in {batches.Count:N0} batches ({dataset.RunCount:N0} runs, " +
                  $"{options.Workspaces:N0} workspaces, {options.Users:N0} users, {options.Days} days until {dataset.End:yyyy-MM-dd}, seed {options.Seed})");

Console.WriteLine("\n== quiet run ==");
var quiet = await RunAsync(faults: null, expected: null);
Console.WriteLine("\n== faulted run ==");
var faulted = await RunAsync(new FaultSchedule(options), quiet, options.Spread);

var report = Verdict.Compare(dataset, quiet, faulted);
Console.WriteLine();
Console.WriteLine(report.Text);
return report.Passed ? 0 : 1;

async Task<Outcome> RunAsync(FaultSchedule? faults, Outcome? expected, TimeSpan spread = default)
{
    await using var app = new RunningApp<Projects.ExecutiveDashboard_AppHost>();
    await app.StartAppAsync();
    var sender = new StubbornSender(await app.SignInAsync("ingest", "*"));
    var ceo = await app.SignInAsync("ceo", "*");

    var watch = Stopwatch.StartNew();
    var ingest = sender.SendAllAsync(batches, spread);
    var faultLog = faults is null ? Task.FromResult<IReadOnlyList<string>>([]) : faults.RunAsync(app, ceo, ingest);
    await ingest;
    var ingestSeconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"ingest: {batches.Sum(b => b.Events):N0} events in {ingestSeconds:F0} s, {sender.Retries:N0} retries " +
                      $"({string.Join(", ", sender.RetriesByReason.Select(r => $"{r.Value} × {r.Key}"))})");
    var faultLines = await faultLog;

    var settled = await Snapshot.SettleAsync(ceo, Dataset.Scopes(dataset), dataset.End, expected?.Overview, TimeSpan.FromMinutes(5));
    Console.WriteLine($"settled {settled.Elapsed.TotalSeconds:F0} s after the ingest ({(settled.Stable ? "stable" : "still changing")})");
    var counts = await Snapshot.CountAsync(app);
    return new Outcome(settled.Overview, counts, app.States(), faultLines, ingestSeconds, settled.Elapsed.TotalSeconds, sender.Retries);
}
