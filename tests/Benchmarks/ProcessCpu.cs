using System.Globalization;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// The CPU time of every process on this machine, read from <c>/proc/&lt;pid&gt;/stat</c> (Linux), grouped by what the
/// process is: a .NET service by its assembly, a PostgreSQL backend by its database (from its process title), RabbitMQ's
/// Erlang processes together, kernel threads together. Taken before and after an ingest, it says which process spends
/// what per event, whatever else runs on the machine, which wall-clock rates cannot.
/// </summary>
public sealed class ProcessCpu
{
    /// <summary><c>USER_HZ</c>: the unit of <c>utime</c> and <c>stime</c>, 100 on every Linux architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    private const string Kernel = "(kernel threads)", Benchmark = "Benchmarks";

    private readonly Dictionary<int, (string Label, long Ticks)> _processes;

    private ProcessCpu(Dictionary<int, (string Label, long Ticks)> processes) => _processes = processes;

    public static ProcessCpu Now()
    {
        var processes = new Dictionary<int, (string, long)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // After "pid (comm) ": state is field 3; utime and stime, fields 14 and 15, and the same of the children
                // it has reaped, 16 and 17: a PostgreSQL backend the pool closed during the run counts, as the server's.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
                var comm = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                processes[pid] = (Label(File.ReadAllText(Path.Combine(directory, "cmdline")), comm), ticks);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }
        return new ProcessCpu(processes);
    }

    /// <summary>Prints each group's CPU seconds since <paramref name="before"/> and per event, largest first, and the
    /// total without the benchmark itself. A process that ended meanwhile counts in its parent's group once reaped (a
    /// PostgreSQL backend in the server's), not in its own.</summary>
    public void PrintSince(ProcessCpu before, long events)
    {
        var spent = new Dictionary<string, long>();
        foreach (var (pid, (label, ticks)) in _processes)
        {
            var earlier = before._processes.TryGetValue(pid, out var b) && b.Label == label ? b.Ticks : 0;
            spent[label] = spent.GetValueOrDefault(label) + ticks - earlier;
        }
        Console.WriteLine($"CPU per process ({events:N0} events): seconds, µs per event");
        foreach (var (label, ticks) in spent.Where(s => s.Value > 0).OrderByDescending(s => s.Value).Take(16))
        {
            Console.WriteLine($"  {label,-28} {ticks / TicksPerSecond,8:F1} {ticks / TicksPerSecond / events * 1e6,8:F1}");
        }
        var system = spent.Where(s => s.Key is not Benchmark).Sum(s => s.Value);
        Console.WriteLine($"  {"total without the benchmark",-28} {system / TicksPerSecond,8:F1} {system / TicksPerSecond / events * 1e6,8:F1}");
    }

    /// <summary>What a process is, from its command line (arguments separated by NUL) and, for kernel threads, which have
    /// none, its name.</summary>
    internal static string Label(string commandLine, string comm)
    {
        if (commandLine.Length == 0)
        {
            return Kernel;
        }
        var arguments = commandLine.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        if (arguments[0].StartsWith("postgres: ", StringComparison.Ordinal))
        {
            // A backend's title is "postgres: user database host(port) state"; the server's own processes have no host.
            var title = arguments[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return title.Length >= 4 && title[3].Contains('(') ? $"postgres {title[2]}" : "postgres (server)";
        }
        if (commandLine.Contains("beam.smp", StringComparison.Ordinal) || comm is "epmd" or "erl_child_setup" or "inet_gethost")
        {
            return "rabbitmq";
        }
        if (commandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal))
        {
            return "Aspire dashboard";
        }
        // A .NET program: its executable, or the assembly `dotnet` runs, or the command the SDK runs (`dotnet run`).
        if (Path.GetFileName(arguments[0]) != "dotnet")
        {
            return Path.GetFileName(arguments[0]);
        }
        var assembly = arguments.Skip(1).FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal));
        return assembly is null ? $"dotnet {arguments.ElementAtOrDefault(1)}".TrimEnd() : Path.GetFileNameWithoutExtension(assembly);
    }
}
