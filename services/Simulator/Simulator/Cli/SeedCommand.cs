using System.Diagnostics;
using ExecutiveDashboard.Simulator.Backfill;
using ExecutiveDashboard.Simulator.Generation;
using ExecutiveDashboard.Simulator.Ingest;

namespace ExecutiveDashboard.Simulator.Cli;

/// <summary>
/// <c>seed</c>: generates a platform (the same generator as the demo, at any size) and posts it through the
/// gateway with a progress bar. For larger datasets than the demo's; run it against a system started with
/// <c>./run.sh --no-demo</c>, since two datasets in one system mix their stories.
/// </summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        SeedArguments arguments;
        try
        {
            arguments = SeedArguments.Parse(args, TimeProvider.System.GetUtcNow().UtcDateTime);
            arguments.Simulation.Validate();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"seed: {e.Message}\n\n{SeedArguments.Usage}");
            return 2;
        }
        if (arguments.Help)
        {
            Console.WriteLine(SeedArguments.Usage);
            return 0;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var watch = Stopwatch.StartNew();
        var simulation = new PlatformSimulation(arguments.Simulation);
        var options = arguments.Simulation;
        Console.WriteLine($"dataset: {options.Workspaces:N0} workspaces, {options.Users:N0} users, {simulation.RunCount:N0} runs, " +
                          $"{options.UserActiveEvents:N0} sessions over {options.Days} days until {simulation.End:O} (seed {options.Seed}); " +
                          $"built in {watch.Elapsed.TotalSeconds:F1} s");

        using var http = new HttpClient { BaseAddress = new Uri(arguments.Gateway), Timeout = TimeSpan.FromMinutes(2) };
        var tokens = new GatewayTokens(http, issueDevTokens: arguments.Token is null, arguments.Token, readerToken: null);
        var client = new IngestClient(http, tokens, TimeProvider.System);
        var progress = new BackfillProgress(simulation.CountOf);
        var bar = new ConsoleProgressBar(progress, Console.Out);
        using var stopBar = new CancellationTokenSource();
        var drawing = bar.RunAsync(stopBar.Token);
        watch.Restart();
        try
        {
            await new BackfillSender(client, arguments.Parallel, arguments.BatchSize).RunAsync(simulation, progress, cancel.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stopBar.CancelAsync();
            await drawing;
            Console.Error.WriteLine($"seed: failed: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            await stopBar.CancelAsync();
            await drawing;
            Console.Error.WriteLine("seed: canceled; run the same command again to finish (what is stored already counts as duplicates)");
            return 130;
        }
        await stopBar.CancelAsync();
        await drawing;
        Console.WriteLine($"done in {watch.Elapsed.TotalSeconds:F1} s: {progress.Sent:N0} events ({progress.Sent / watch.Elapsed.TotalSeconds:N0}/s), " +
                          $"{progress.Accepted:N0} new, {progress.Duplicates:N0} already stored");
        return 0;
    }
}
