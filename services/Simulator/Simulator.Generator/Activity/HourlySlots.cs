using ExecutiveDashboard.Simulator.Generation.Time;
using ExecutiveDashboard.Simulator.Generation.World;

namespace ExecutiveDashboard.Simulator.Generation.Activity;

/// <summary>
/// The period cut into hours. An hour's weight is the sum of the usage of every workspace active throughout
/// it, times the week's and the day's rhythm; a total (runs, sessions) is shared among the hours by weight
/// (largest remainders, so the counts add up exactly). Each hour is then generated on its own, from a random
/// stream of its own: any hour can be produced without the ones before it.
/// </summary>
internal sealed class HourlySlots
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    private readonly IReadOnlyList<Workspace> _workspaces;
    private readonly double[] _weights;

    public HourlySlots(IReadOnlyList<Workspace> workspaces, DateTime start, int count)
    {
        _workspaces = workspaces;
        Start = start;
        _weights = new double[count];
        for (var slot = 0; slot < count; slot++)
        {
            var (_, cumulative) = Participants(slot);
            _weights[slot] = cumulative.Count == 0 ? 0 : cumulative[^1] * Seasonality.At(Middle(slot));
        }
    }

    public DateTime Start { get; }

    public int Count => _weights.Length;

    public DateTime StartOf(int slot) => Start + Length * slot;

    public DateTime Middle(int slot) => StartOf(slot) + Length / 2;

    /// <summary>The workspaces active throughout the hour and the running sum of their usage.</summary>
    public (List<Workspace> Workspaces, List<double> Cumulative) Participants(int slot)
    {
        var from = StartOf(slot);
        var to = from + Length;
        var members = new List<Workspace>();
        var cumulative = new List<double>();
        var total = 0.0;
        foreach (var workspace in _workspaces)
        {
            var usage = workspace.Activity.Throughout(from, to);
            if (usage > 0)
            {
                total += usage;
                members.Add(workspace);
                cumulative.Add(total);
            }
        }
        return (members, cumulative);
    }

    /// <summary>Shares <paramref name="total"/> among the hours by weight; the counts add up to it (or to 0 when
    /// no workspace is ever active).</summary>
    public long[] Apportion(long total)
    {
        var counts = new long[_weights.Length];
        var sum = _weights.Sum();
        if (sum <= 0 || total <= 0)
        {
            return counts;
        }
        var remainders = new double[_weights.Length];
        long given = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var exact = total * (_weights[i] / sum);
            counts[i] = (long)Math.Floor(exact);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        foreach (var i in Enumerable.Range(0, counts.Length).Where(i => _weights[i] > 0)
                     .OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)(total - given)))
        {
            counts[i]++;
        }
        return counts;
    }
}
