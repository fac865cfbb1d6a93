using System.Diagnostics;
using ExecutiveDashboard.AppHost.Infrastructure.Local;
using Xunit;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// A real server started from one of the repository's <c>infra/*.sh</c> scripts, on a free port,
/// with its data in a fresh temporary directory that disposal deletes. Its output goes to
/// <see cref="LogFile"/>, whose tail is part of the exception when the server does not come up.
/// Use it as an xunit class or collection fixture.
/// </summary>
public abstract class LocalServer : IAsyncLifetime, IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly string _script;
    private Process? _process;
    private bool _paused;

    protected LocalServer(string script, TimeSpan readyTimeout)
    {
        _script = Path.Combine(RepositoryRoot.Path, "infra", script);
        ReadyTimeout = readyTimeout;
        // Not Directory.CreateTempSubdirectory: its 0700 mode would keep the postgres user out.
        RootDirectory = Path.Combine(
            Path.GetTempPath(), $"executive-dashboard-{GetType().Name.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(RootDirectory);
    }

    /// <summary>127.0.0.1 port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>Temporary directory holding <see cref="DataDirectory"/> and <see cref="LogFile"/>.</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "server.log");

    public abstract string ConnectionString { get; }

    protected TimeSpan ReadyTimeout { get; }

    /// <summary>Extra environment for the script, e.g. a second port; asked again at each start attempt.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ScriptEnvironment() => [];

    /// <summary>One readiness probe: true when the server answers its own protocol.</summary>
    protected abstract Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    public async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeTcpPort.Next();
            StartProcess();
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (ServerExitedException) when (attempt < StartAttempts)
            {
                // Most likely another process took the port between probing and binding.
                File.AppendAllText(LogFile, $"{Environment.NewLine}--- retrying on another port ---{Environment.NewLine}");
            }
            catch
            {
                await StopAsync();
                throw;
            }
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>
    /// Freezes the server, as a hung host, a paused VM or a full stop of its disk would: SIGSTOP to the server and every
    /// process it started (PostgreSQL's backends and helpers, the Erlang VM's children). Its connections stay open and its
    /// port accepts, but nothing answers until <see cref="Resume"/>. The server first, so that it starts no new child.
    /// </summary>
    public void Pause()
    {
        var server = _process?.Id ?? throw new InvalidOperationException("The server is not running.");
        _paused = true;
        ProcessSignals.StopTree(server);
    }

    /// <summary>Lets a <see cref="Pause"/>d server run again: its children first, then the server.</summary>
    public void Resume()
    {
        if (_process is not { } process || !_paused)
        {
            return;
        }
        ProcessSignals.ContinueTree(process.Id);
        _paused = false;
    }

    protected static async Task<TServer> StartAsync<TServer>(TServer server)
        where TServer : LocalServer
    {
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory must not fail the test run.
        }

        GC.SuppressFinalize(this);
    }

    // bash -c script: $0 infra script, $1 log file, $2 owner (test process) id, $3 root directory.
    // A detached watcher stops the server and deletes its directory if the test process dies
    // without disposing it (crash, kill, aborted run), so no server outlives its tests. Then the
    // script execs the server, which inherits the log file as stdout and stderr: no pipes to
    // drain, and the process id is the server's own.
    private const string Launcher = """
        server=$$
        ( (
          while kill -0 "$2" 2>/dev/null; do
            kill -0 "$server" 2>/dev/null || exit 0
            sleep 2
          done
          kill -INT "$server" 2>/dev/null
          for _ in $(seq 1 30); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
          kill -KILL "$server" 2>/dev/null
          rm -rf "$3"
        ) </dev/null >/dev/null 2>&1 & )
        exec bash "$0" >>"$1" 2>&1 </dev/null
        """;

    private void StartProcess()
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                "-c", Launcher, _script, LogFile,
                Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), RootDirectory,
            },
            UseShellExecute = false,
            WorkingDirectory = RootDirectory,
        };
        start.Environment["PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DATA_DIR"] = DataDirectory;
        foreach (var (name, value) in ScriptEnvironment())
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_script}.");
    }

    private async Task WaitUntilReadyAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        Exception? lastError = null;
        while (stopwatch.Elapsed < ReadyTimeout)
        {
            if (_process!.HasExited)
            {
                throw new ServerExitedException(Failure($"exited with code {_process.ExitCode}", lastError));
            }

            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                if (await IsReadyAsync(attempt.Token))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                lastError = ex;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(Failure($"was not ready after {ReadyTimeout.TotalSeconds:0} s", lastError));
    }

    private string Failure(string what, Exception? lastError)
    {
        var tail = File.Exists(LogFile)
            ? string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(40))
            : "(no output)";
        var probe = lastError is null ? "" : $"{Environment.NewLine}Last probe error: {lastError.GetType().Name}: {lastError.Message}";
        return $"{GetType().Name} ({Path.GetFileName(_script)}, port {Port}) {what}.{probe}{Environment.NewLine}" +
               $"Last lines of {LogFile}:{Environment.NewLine}{tail}";
    }

    private async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        Resume();
        _process = null;
        using (process)
        {
            if (process.HasExited)
            {
                return;
            }

            // SIGINT: fast shutdown for PostgreSQL, immediate for Redis and RabbitMQ.
            ProcessSignals.Send(process.Id, ProcessSignals.Interrupt);
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private sealed class ServerExitedException(string message) : InvalidOperationException(message);
}
