using System.Globalization;
using System.Runtime.InteropServices;

namespace ExecutiveDashboard.TestSupport;

/// <summary>POSIX signals to a process and every process below it: stop and continue (a freeze the processes cannot
/// notice until they run again), interrupt, kill. A process that ended meanwhile is skipped.</summary>
public static class ProcessSignals
{
    public const int Interrupt = 2, KillNow = 9, Continue = 18, Stop = 19;
    private const int Esrch = 3;

    /// <summary>Stops <paramref name="root"/> first, so that it starts no new child, then everything below it.</summary>
    public static void StopTree(int root)
    {
        Send(root, Stop);
        foreach (var child in Descendants(root))
        {
            Send(child, Stop);
        }
    }

    /// <summary>Lets a <see cref="StopTree"/>ped tree run again: the children first, then <paramref name="root"/>.</summary>
    public static void ContinueTree(int root)
    {
        foreach (var child in Descendants(root))
        {
            Send(child, Continue);
        }
        Send(root, Continue);
    }

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0 && Marshal.GetLastPInvokeError() != Esrch)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Every process below <paramref name="root"/>, from /proc (each one's parent is the fourth field of its stat,
    /// after the command name in parentheses, which may itself hold spaces and parentheses).</summary>
    public static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }
        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (pid, _) in parents.Where(p => p.Value == parent))
            {
                found.Add(pid);
                frontier.Enqueue(pid);
            }
        }
        return found;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
