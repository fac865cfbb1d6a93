using System.Globalization;
using ExecutiveDashboard.Simulator.Generation.Activity;
using ExecutiveDashboard.Simulator.Generation.Catalog;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Generation.Randomness;
using ExecutiveDashboard.Simulator.Generation.World;

namespace ExecutiveDashboard.Simulator.Generation.Live;

/// <summary>
/// The platform going on after the story's end, in real time: runs of the workspaces in use at the end (busy ones
/// more often, with their agents' failure rates), sessions, new colleagues signing up, now and then a plan change,
/// a cancel or a comeback, and from time to time one workspace whose agents start failing for a quarter of an hour.
/// Pure: the caller gives the time span; the same spans give the same events for the same simulation.
/// </summary>
/// <remarks>Live traffic is far denser than the history (a few runs a second, so the page moves, where the story
/// averages a run every few minutes). It comes from the people active in the story's last day (and newcomers):
/// their agents simply run more often, as scheduled agents do, so daily active users stay those of the history
/// instead of climbing towards every member within the hour.</remarks>
public sealed class LiveTraffic
{
    private readonly PlatformSimulation _simulation;
    private readonly LiveOptions _options;
    private readonly List<Workspace> _workspaces = [];
    private readonly double[] _weights;
    private readonly Dictionary<string, Price?> _prices = [];
    private readonly Dictionary<string, Price> _lastPaid = [];
    private readonly Dictionary<Workspace, List<Member>> _newcomers = [];
    private readonly List<Incident> _incidents = [];
    private readonly Dictionary<Workspace, List<Member>> _regulars;

    public LiveTraffic(PlatformSimulation simulation, LiveOptions? options = null)
    {
        _simulation = simulation;
        _options = options ?? new LiveOptions();
        var lastMoment = simulation.End.AddTicks(-TimeSpan.TicksPerMillisecond);
        _regulars = simulation.RecentActors(TimeSpan.FromDays(1));
        var total = 0.0;
        var weights = new List<double>();
        foreach (var workspace in simulation.Workspaces)
        {
            var segment = workspace.Activity.SegmentAt(lastMoment);
            if (segment >= 0 && workspace.Agents.Length > 0 && (_regulars.Count == 0 || _regulars.ContainsKey(workspace)))
            {
                total += workspace.Activity.Segments[segment].Intensity;
                weights.Add(total);
                _workspaces.Add(workspace);
            }
            foreach (var e in workspace.Story)
            {
                if (e is SubscriptionPriced priced)
                {
                    _prices[workspace.Id] = Plans.Of(priced.Plan, priced.Interval == "year");
                    _lastPaid[workspace.Id] = _prices[workspace.Id]!;
                }
                else if (e is SubscriptionCanceled)
                {
                    _prices[workspace.Id] = null;
                }
            }
        }
        _weights = [.. weights];
    }

    /// <summary>Workspaces that can run agents now.</summary>
    public int ActiveWorkspaces => _workspaces.Count;

    /// <summary>The events of [<paramref name="from"/>, <paramref name="to"/>), each stream in time order.</summary>
    public IReadOnlyList<PlatformEvent> Between(DateTime from, DateTime to)
    {
        from = Time.Instants.Milliseconds(from);
        to = Time.Instants.Milliseconds(to);
        var events = new List<PlatformEvent>();
        if (to <= from || _workspaces.Count == 0)
        {
            return events;
        }
        var rng = Rng.For(_simulation.Options.Seed, "live", from.Ticks);
        var stamp = from.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var seconds = (to - from).TotalSeconds;
        var sequence = 0;
        string Next(string kind) => _simulation.Id($"live-{stamp}-{kind}-{++sequence}");
        DateTime Within() => Time.Instants.Milliseconds(from + (to - from) * rng.NextDouble());

        if (rng.Chance(_options.IncidentsPerHour * seconds / 3600))
        {
            var victim = PickWorkspace(rng);
            _incidents.Add(new Incident(from, from + _options.IncidentLength, null, 12, victim.Id));
        }
        _incidents.RemoveAll(i => i.To <= from);

        for (var i = rng.Poisson(_options.RunsPerSecond * seconds); i > 0; i--)
        {
            var workspace = PickWorkspace(rng);
            var id = Next("run");
            var at = Within();
            events.Add(RunFactory.Create(id, $"r_live_{stamp}_{sequence}", workspace, at, from.AddHours(-1), _incidents,
                new Rng(rng.NextUInt64()), PickMember(workspace, at, rng)));
        }
        for (var i = rng.Poisson(_options.SignupsPerMinute * seconds / 60); i > 0; i--)
        {
            var workspace = PickWorkspace(rng);
            var id = Next("signup");
            var (name, email) = People.Person(rng, workspace.Company);
            var at = Within();
            var member = new Member($"u_live_{stamp}_{sequence}", name, email, at, 1, DateTime.MaxValue);
            Newcomers(workspace).Add(member);
            events.Add(new UserSignedUp(id, workspace.Id, member.Id, at, name, email));
        }
        for (var i = rng.Poisson(_options.SessionsPerSecond * seconds); i > 0; i--)
        {
            var workspace = PickWorkspace(rng);
            var at = Within();
            var member = PickMember(workspace, at, rng);
            events.Add(new UserActive(Next("active"), workspace.Id, member.Id, member.SignedUpAt > at ? member.SignedUpAt : at));
        }
        for (var i = rng.Poisson(_options.SubscriptionChangesPerHour * seconds / 3600); i > 0; i--)
        {
            if (ChangeSubscription(rng, Next("billing"), Within()) is { } change)
            {
                events.Add(change);
            }
        }
        return [.. events.OrderBy(e => e.OccurredAt)];
    }

    private Workspace PickWorkspace(Rng rng)
    {
        var workspace = _workspaces[rng.PickCumulative(_weights, _weights.Length)];
        // A workspace that canceled here stops running agents; try another (a few times).
        for (var attempt = 0; attempt < 3 && _prices.TryGetValue(workspace.Id, out var price) && price is null; attempt++)
        {
            workspace = _workspaces[rng.PickCumulative(_weights, _weights.Length)];
        }
        return workspace;
    }

    /// <summary>A regular of the story's last day, or now and then a newcomer of the live traffic.</summary>
    private Member PickMember(Workspace workspace, DateTime at, Rng rng)
    {
        var newcomers = Newcomers(workspace);
        if (newcomers.Count > 0 && rng.Chance(0.2))
        {
            return rng.Pick(newcomers);
        }
        return _regulars.TryGetValue(workspace, out var regulars) && regulars.Count > 0
            ? rng.Pick(regulars)
            : RunFactory.PickMember(workspace, at, rng, byPropensity: true);
    }

    private List<Member> Newcomers(Workspace workspace) =>
        _newcomers.TryGetValue(workspace, out var list) ? list : _newcomers[workspace] = [];

    /// <summary>An upgrade (most often), a downgrade, a cancel, or a comeback of a workspace that canceled.</summary>
    private BillingEvent? ChangeSubscription(Rng rng, string eventId, DateTime at)
    {
        var paying = _prices.Where(p => p.Value is not null).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var gone = _prices.Where(p => p.Value is null).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var roll = rng.NextDouble();
        if ((roll < 0.15 || paying.Count == 0) && gone.Count > 0)
        {
            var back = rng.Pick(gone);
            var price = _lastPaid[back];
            _prices[back] = price;
            return new SubscriptionPriced(eventId, back, IsChange: false, price.Plan, price.Interval, price.Amount, at);
        }
        if (paying.Count == 0)
        {
            return null;
        }
        var workspaceId = rng.Pick(paying);
        var current = _prices[workspaceId]!;
        if (roll < 0.25)
        {
            _prices[workspaceId] = null;
            return new SubscriptionCanceled(eventId, workspaceId, at);
        }
        var next = roll < 0.75 ? Plans.Above(current) ?? Plans.Below(current) : Plans.Below(current) ?? Plans.Above(current);
        if (next is null)
        {
            return null;
        }
        _prices[workspaceId] = next;
        _lastPaid[workspaceId] = next;
        return new SubscriptionPriced(eventId, workspaceId, IsChange: true, next.Plan, next.Interval, next.Amount, at);
    }
}
