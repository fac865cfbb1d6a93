using System.Runtime.InteropServices;

namespace ExecutiveDashboard.Faults;

/// <summary>POSIX signals to the processes of the app model: stop and continue (a pause the process cannot notice
/// until it runs again), and kill.</summary>
public static partial class ProcessSignals
{
    private const int SigKill = 9, SigCont = 18, SigStop = 19;

    public static void Stop(IEnumerable<int> pids) => Send(pids, SigStop);

    public static void Continue(IEnumerable<int> pids) => Send(pids, SigCont);

    public static void Kill(int pid) => Send([pid], SigKill);

    /// <summary>A process and all its descendants, parents first.</summary>
    public static IReadOnlyList<int> Tree(int pid)
    {
        var tree = new List<int> { pid };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(ChildrenOf(tree[i]));
        }
        return tree;
    }

    public static IEnumerable<int> ChildrenOf(int pid) =>
        Directory.EnumerateDirectories($"/proc/{pid}/task")
            .Select(task => Path.Combine(task, "children"))
            .Where(File.Exists)
            .SelectMany(file => File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse);

    private static void Send(IEnumerable<int> pids, int signal)
    {
        foreach (var pid in pids)
        {
            if (kill(pid, signal) != 0)
            {
                throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
