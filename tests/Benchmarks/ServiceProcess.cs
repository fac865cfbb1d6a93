using System.Globalization;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// A service's process on this machine, read from /proc (Linux): its resident memory now (<c>VmRSS</c>) and at its peak
/// (<c>VmHWM</c>). Memory is read from outside because what a render costs includes Skia's native memory, which no
/// managed counter of the service sees.
/// </summary>
public sealed class ServiceProcess(int pid)
{
    private const string Resident = "VmRSS:", Peak = "VmHWM:";

    public int Pid => pid;

    public long ResidentBytes => Read(Resident);

    public long PeakBytes => Read(Peak);

    /// <summary>The process of the service whose command line names <paramref name="name"/>: its project's directory,
    /// which tells this checkout's service from another checkout's running on the same machine. Where the app host starts
    /// a project as <c>dotnet run</c>, whose child is the service, of the matching processes the ones with no matching
    /// child. Null unless there is exactly one; <paramref name="candidates"/> are all of them.</summary>
    public static ServiceProcess? Find(string name, out IReadOnlyList<int> candidates)
    {
        var matching = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(name, StringComparison.Ordinal))
                {
                    matching[pid] = ParentOf(File.ReadAllText(Path.Combine(directory, "stat")));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read.
            }
        }
        candidates = [.. matching.Keys.Where(pid => !matching.ContainsValue(pid)).Order()];
        return candidates.Count == 1 ? new ServiceProcess(candidates[0]) : null;
    }

    /// <summary>Sets <c>VmHWM</c> back to the current <c>VmRSS</c> (<c>clear_refs</c> 5, Linux 4.0 and later), so that
    /// the peak read afterwards is the peak of what followed, however briefly it lasted. False where not allowed.</summary>
    public bool ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The parent's id: the fourth field of <c>stat</c>, after the command name in parentheses, which may itself
    /// hold spaces and parentheses.</summary>
    private static int ParentOf(string stat) =>
        int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);

    private long Read(string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        // "VmRSS:     123456 kB"
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
