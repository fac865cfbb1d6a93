using ExecutiveDashboard.Contracts.Metrics;
using Npgsql;

namespace ExecutiveDashboard.Executions.Reads;

/// <summary>
/// Slices of periods, each tagged with the slots its totals go to. A slice shared by several periods (the signals' windows
/// meet at the same partial hours: the last hour's and the last day's end at asOf) is read once and added to each.
/// </summary>
public sealed class RollupPieces
{
    private readonly Dictionary<(string Grain, DateTime From, DateTime To), int> _index = [];

    /// <summary>Slices of every period, period i in slot i.</summary>
    public static RollupPieces Of(IReadOnlyList<Period> periods, Grain[] grains)
    {
        var pieces = new RollupPieces();
        for (var i = 0; i < periods.Count; i++)
        {
            foreach (var slice in PeriodSlicer.Slice(periods[i], grains))
            {
                pieces.Add(i, slice);
            }
        }
        return pieces;
    }

    /// <summary>The distinct pieces, flattened into the three arrays the SQL unnests, and the slots of each.</summary>
    public List<string> Grain { get; } = [];
    public List<DateTime> From { get; } = [];
    public List<DateTime> To { get; } = [];
    public List<List<int>> SlotsOf { get; } = [];

    public void Add(int slot, Slice slice)
    {
        var key = (Grain: slice.Grain.Code(), From: slice.Period.Start, To: slice.Period.End);
        if (!_index.TryGetValue(key, out var piece))
        {
            _index[key] = piece = Grain.Count;
            Grain.Add(key.Grain);
            From.Add(key.From);
            To.Add(key.To);
            SlotsOf.Add([]);
        }
        SlotsOf[piece].Add(slot);
    }

    public NpgsqlCommand Command(NpgsqlDataSource dataSource, string sql, params object[] extra)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in (object[])[Grain.ToArray(), From.ToArray(), To.ToArray(), .. extra])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }
}
