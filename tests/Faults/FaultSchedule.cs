using System.Diagnostics;
using ExecutiveDashboard.Testing;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Faults;

/// <summary>The faults, one after the other while the dataset is being ingested: RabbitMQ paused past the heartbeat,
/// a service killed and started again, PostgreSQL paused. After each, it waits until every resource is healthy
/// again and says how long that took.</summary>
public sealed class FaultSchedule(FaultOptions options)
{
    private HttpClient _ceo = null!;
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromMinutes(3);
    private readonly Stopwatch _clock = new();
    private readonly List<string> _log = [];

    /// <param name="ceo">Reads the platform's overview: recovered means healthy and answering without a degraded section.</param>
    public async Task<IReadOnlyList<string>> RunAsync(RunningApp<Projects.ExecutiveDashboard_AppHost> app, HttpClient ceo, Task ingest)
    {
        _ceo = ceo;
        _clock.Start();
        await Task.Delay(Lead);

        await PauseAsync(app, "rabbitmq", options.BrokerPause, ingest);
        await KillAndStartAsync(app, options.Kill, ingest);
        await PauseAsync(app, "postgres", options.DatabasePause, ingest);
        return _log;
    }

    private async Task PauseAsync(RunningApp<Projects.ExecutiveDashboard_AppHost> app, string resource, TimeSpan pause, Task ingest)
    {
        var server = app.ProcessIdOf(resource);
        Say($"{resource}: {1 + ProcessSignals.Descendants(server).Count} processes stopped (SIGSTOP) for {pause.TotalSeconds:F0} s{During(ingest)}");
        ProcessSignals.StopTree(server);
        try
        {
            await Task.Delay(pause);
        }
        finally
        {
            ProcessSignals.ContinueTree(server);
        }
        var resumed = _clock.Elapsed;
        await WaitHealthyAsync(app);
        Say($"{resource}: continued (SIGCONT); every resource healthy again {(_clock.Elapsed - resumed).TotalSeconds:F1} s later");
    }

    private async Task KillAndStartAsync(RunningApp<Projects.ExecutiveDashboard_AppHost> app, string resource, Task ingest)
    {
        var killing = app.KillAsync(resource, CancellationToken.None);
        Say($"{resource}: service process killed (SIGKILL){During(ingest)}");
        var killed = _clock.Elapsed;
        Say($"{resource}: process {await killing} exited");
        using var timeout = new CancellationTokenSource(RecoveryLimit);
        await app.StartAsync(resource, timeout.Token);
        await WaitHealthyAsync(app);
        Say($"{resource}: started again with Aspire's command; every resource healthy {(_clock.Elapsed - killed).TotalSeconds:F1} s after the kill");
    }

    private async Task WaitHealthyAsync(RunningApp<Projects.ExecutiveDashboard_AppHost> app)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var unwell = app.States().Where(s => s.Health is not null && s.Health != "Healthy").ToList();
            if (unwell.Count == 0 && await AnswersWithinAsync(TimeSpan.FromSeconds(10)))
            {
                return;
            }
            if (deadline.Elapsed > RecoveryLimit)
            {
                throw new InvalidOperationException(
                    $"not healthy {RecoveryLimit.TotalMinutes:F0} min after the fault: {string.Join(", ", unwell.Select(u => $"{u.Resource} {u.State} {u.Health}"))}");
            }
            await Task.Delay(500);
        }
    }

    private async Task<bool> AnswersWithinAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            return await RunningApp<Projects.ExecutiveDashboard_AppHost>.AnswersWholeAsync(_ceo, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string During(Task ingest) => ingest.IsCompleted ? " (after the ingest)" : " (during the ingest)";

    private void Say(string line)
    {
        line = $"t+{_clock.Elapsed.TotalSeconds,5:F1} s  {line}";
        Console.WriteLine(line);
        _log.Add(line);
    }
}
