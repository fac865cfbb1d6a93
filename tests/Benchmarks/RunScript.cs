using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// The whole system as a user starts it: <c>./run.sh</c> of this checkout with <paramref name="options"/>, in the foreground
/// of a child process. <see cref="StartAsync"/> returns once the script says the dashboard is running (the gateway answers
/// <c>/health</c>, after every service it waits for); <see cref="DisposeAsync"/> stops it as Ctrl-C does.
/// </summary>
public sealed partial class RunScript : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(5), StopPatience = TimeSpan.FromMinutes(2);
    private readonly Process _script;
    private readonly Queue<string> _lastLines = new();
    private readonly TaskCompletionSource<TimeSpan> _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunScript(Process script) => _script = script;

    /// <summary>Starts <c>./run.sh</c> once nothing listens on the gateway's port (a system stopped just before may still
    /// be letting it go); returns it running, with the start's time as the script reports it (from the AppHost's start
    /// to the gateway's first healthy answer: the build before it is not counted).</summary>
    public static async Task<(RunScript Script, TimeSpan Started)> StartAsync(Uri gateway, params string[] options)
    {
        await WaitUntilFreeAsync(gateway);
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "run.sh"), .. options])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var script = new RunScript(Process.Start(start) ?? throw new InvalidOperationException("run.sh did not start"));
        script._script.OutputDataReceived += (_, line) => script.Read(line.Data);
        script._script.ErrorDataReceived += (_, line) => script.Read(line.Data);
        script._script.BeginOutputReadLine();
        script._script.BeginErrorReadLine();
        var exited = script._script.WaitForExitAsync();
        var first = await Task.WhenAny(script._running.Task, exited, Task.Delay(StartPatience));
        if (first != script._running.Task)
        {
            var why = first == exited ? $"run.sh exited ({script._script.ExitCode})" : $"run.sh did not report the system running within {StartPatience}";
            await script.DisposeAsync();
            throw new InvalidOperationException($"{why}; its last lines:{Environment.NewLine}{script.LastLines}");
        }
        return (script, await script._running.Task);
    }

    private string LastLines
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join(Environment.NewLine, _lastLines);
            }
        }
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
        if (Running().Match(line) is { Success: true } running)
        {
            _running.TrySetResult(TimeSpan.FromSeconds(int.Parse(running.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Ctrl-C, and the script's own stop: the AppHost, the services and the servers it started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_script.HasExited)
        {
            ProcessSignals.Send(_script.Id, ProcessSignals.Interrupt);
            using var patience = new CancellationTokenSource(StopPatience);
            try
            {
                await _script.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine($"  run.sh (pid {_script.Id}) did not stop within {StopPatience}; killed with what it started");
                _script.Kill(entireProcessTree: true);
            }
        }
        _script.Dispose();
    }

    private static async Task WaitUntilFreeAsync(Uri gateway)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(gateway.Host, gateway.Port);
            }
            catch (SocketException)
            {
                return;
            }
            if (waited.Elapsed > StopPatience)
            {
                throw new InvalidOperationException($"{gateway} still answers {StopPatience} after the system was stopped: another ./run.sh?");
            }
            await Task.Delay(1000);
        }
    }

    // run.sh: "Executive Dashboard is running (started in 42 s)", in bold.
    [GeneratedRegex(@"Executive Dashboard is running \(started in (\d+) s\)")]
    private static partial Regex Running();
}
