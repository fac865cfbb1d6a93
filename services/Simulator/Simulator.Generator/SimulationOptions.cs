using ExecutiveDashboard.Simulator.Generation.Time;

namespace ExecutiveDashboard.Simulator.Generation;

/// <summary>
/// What to generate. The same options give the same events, byte for byte; event ids depend only on the
/// <see cref="IdPrefix"/>, the <see cref="Seed"/> and each event's place in the story, so sending a dataset again
/// is idempotent (the services count an event id once).
/// </summary>
public sealed record SimulationOptions
{
    public const int DefaultSeed = 42;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The exclusive end of the period, UTC (cut to the millisecond); the period is [End − Days, End).</summary>
    public required DateTime End { get; init; }

    public int Days { get; init; } = 90;

    public int Workspaces { get; init; } = 300;

    /// <summary>Users in all (at least one per workspace).</summary>
    public int Users { get; init; } = 5_000;

    /// <summary><c>run.completed</c> events in all.</summary>
    public long Runs { get; init; } = 40_000;

    /// <summary><c>user.active</c> events in all (sessions without a run; runs make their user active too).</summary>
    public long UserActiveEvents { get; init; } = 15_000;

    /// <summary>When set, plan changes are added until <c>subscription.started</c>, <c>.changed</c> and
    /// <c>.canceled</c> events number at least this many; otherwise about 10 % of paying workspaces change plan a month.</summary>
    public int? SubscriptionEvents { get; init; }

    /// <summary>Starts every event id: <c>{IdPrefix}-{Seed}-run-123</c>.</summary>
    public string IdPrefix { get; init; } = "sim";

    /// <summary>Workspace ids are <c>{WorkspacePrefix}_00001</c>, in order of arrival.</summary>
    public string WorkspacePrefix { get; init; } = "ws";

    public DateTime Start => Instants.Milliseconds(End) - TimeSpan.FromDays(Days);

    public void Validate()
    {
        if (End.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("End must be a UTC instant", nameof(End));
        }
        if (Days < 1 || Workspaces < 1 || Runs < 0 || UserActiveEvents < 0)
        {
            throw new ArgumentException("Days and workspaces must be at least 1; runs and user activity at least 0");
        }
        if (Users < Workspaces)
        {
            throw new ArgumentException($"Every workspace needs a user: {Users} users for {Workspaces} workspaces", nameof(Users));
        }
        if (IdPrefix.Length is 0 or > 24 || WorkspacePrefix.Length is 0 or > 24
            || !(IdPrefix + WorkspacePrefix).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException("Prefixes are 1-24 letters, digits, '-', '_' or '.'");
        }
    }
}
