using ExecutiveDashboard.Simulator.Generation.Activity;
using ExecutiveDashboard.Simulator.Generation.Billing;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Generation.Randomness;
using ExecutiveDashboard.Simulator.Generation.Story;
using ExecutiveDashboard.Simulator.Generation.World;

namespace ExecutiveDashboard.Simulator.Generation;

/// <summary>
/// A deterministic AI-agent platform over [<see cref="Start"/>, <see cref="End"/>): workspaces with their billing
/// stories, teams and agents, built at once (small); then three event streams, each in time order, of which the
/// users and executions streams are produced hour by hour as they are read (so ten million runs never sit in
/// memory). Pure: no clock, no I/O. docs/demo-data.md tells the story.
/// </summary>
public sealed class PlatformSimulation
{
    private readonly List<Workspace> _workspaces;
    private readonly List<BillingEvent> _billing;
    private readonly List<UserSignedUp> _signups;
    private readonly List<AgentCreated> _agentCreations;
    private readonly Incident[] _incidents;
    private readonly HourlySlots _slots;
    private readonly long[] _runsPerSlot, _activePerSlot, _firstRunOfSlot, _firstActiveOfSlot;

    public PlatformSimulation(SimulationOptions options)
    {
        options.Validate();
        Options = options;
        End = Time.Instants.Milliseconds(options.End);
        Start = options.Start;

        _workspaces = WorkspaceArrivals.Create(options, Start, End);
        _billing = WriteBillingStories();
        _incidents = Incident.Plan(Start, End, options.Seed);
        (_signups, _agentCreations) = BuildTeams();
        _billing.AddRange(MarketingBudget.Plan(FirstPayments(), Start, End, options.Days,
            (day, channel) => Id($"spend-{day}-{channel}"), Rng.For(options.Seed, "marketing")));
        _billing = [.. _billing.OrderBy(e => e.OccurredAt)];

        _slots = new HourlySlots(_workspaces, Start, options.Days * 24);
        _runsPerSlot = _slots.Apportion(options.Runs);
        _activePerSlot = _slots.Apportion(options.UserActiveEvents);
        _firstRunOfSlot = RunningStarts(_runsPerSlot);
        _firstActiveOfSlot = RunningStarts(_activePerSlot);
    }

    public SimulationOptions Options { get; }

    public DateTime Start { get; }

    public DateTime End { get; }

    /// <summary><c>run.completed</c> events in the executions stream (the options' count, unless no workspace is ever active).</summary>
    public long RunCount => _runsPerSlot.Sum();

    /// <summary>How many events each stream holds, known before any is produced (for progress).</summary>
    public long CountOf(EventStream stream) => stream switch
    {
        EventStream.Users => _signups.Count + _activePerSlot.Sum(),
        EventStream.Executions => _agentCreations.Count + RunCount,
        _ => _billing.Count,
    };

    public IEnumerable<PlatformEvent> Events(EventStream stream) => stream switch
    {
        EventStream.Users => UserEvents(),
        EventStream.Executions => ExecutionEvents(),
        _ => _billing,
    };

    public IReadOnlyList<BillingEvent> BillingEvents() => _billing;

    /// <summary>The notes that say why the story's lines move (its launch, incidents and fixes), oldest first.</summary>
    public IReadOnlyList<StoryAnnotation> Annotations() => StoryAnnotations.Plan(_incidents, Start);

    /// <summary>Signups and sessions (<c>user.active</c>) in time order.</summary>
    public IEnumerable<PlatformEvent> UserEvents()
    {
        var nextSignup = 0;
        for (var slot = 0; slot < _slots.Count; slot++)
        {
            var slotEnd = _slots.StartOf(slot) + HourlySlots.Length;
            var sessions = SessionsOf(slot);
            foreach (var e in Merge(_signups, ref nextSignup, slotEnd, sessions))
            {
                yield return e;
            }
        }
    }

    /// <summary>Agent creations and runs in time order, from run number <paramref name="fromRun"/> on (the agents
    /// created in that run's hour come again: sending them twice is harmless).</summary>
    public IEnumerable<PlatformEvent> ExecutionEvents(long fromRun = 0)
    {
        var firstSlot = 0;
        while (firstSlot < _slots.Count - 1 && _firstRunOfSlot[firstSlot + 1] <= fromRun)
        {
            firstSlot++;
        }
        var nextAgent = 0;
        var firstSlotStart = _slots.StartOf(firstSlot);
        while (nextAgent < _agentCreations.Count && _agentCreations[nextAgent].OccurredAt < firstSlotStart && fromRun > 0)
        {
            nextAgent++;
        }
        for (var slot = firstSlot; slot < _slots.Count; slot++)
        {
            var slotEnd = _slots.StartOf(slot) + HourlySlots.Length;
            var runs = RunsOf(slot).Where(r => RunNumber(r) >= fromRun).ToList();
            foreach (var e in Merge(_agentCreations, ref nextAgent, slotEnd, runs))
            {
                yield return e;
            }
        }
    }

    internal IReadOnlyList<Workspace> Workspaces => _workspaces;

    internal IReadOnlyList<Incident> Incidents => _incidents;

    /// <summary>The members who ran an agent or had a session in the story's last <paramref name="span"/>, by workspace.</summary>
    internal Dictionary<Workspace, List<Member>> RecentActors(TimeSpan span)
    {
        var actors = new Dictionary<Workspace, List<Member>>();
        var byId = _workspaces.ToDictionary(w => w.Id);
        var firstSlot = Math.Max(0, _slots.Count - (int)Math.Ceiling(span / HourlySlots.Length));
        for (var slot = firstSlot; slot < _slots.Count; slot++)
        {
            foreach (var (workspaceId, userId) in RunsOf(slot).Select(r => (r.WorkspaceId, r.UserId)).Concat(SessionsOf(slot).Select(s => (s.WorkspaceId, s.UserId))))
            {
                var workspace = byId[workspaceId];
                var list = actors.TryGetValue(workspace, out var found) ? found : actors[workspace] = [];
                if (!list.Exists(m => m.Id == userId))
                {
                    list.Add(workspace.Members.First(m => m.Id == userId));
                }
            }
        }
        return actors;
    }

    internal string Id(string rest) => $"{Options.IdPrefix}-{Options.Seed}-{rest}";

    private long RunNumber(RunCompleted run) => long.Parse(run.RunId.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);

    private List<RunCompleted> RunsOf(int slot)
    {
        var count = _runsPerSlot[slot];
        if (count == 0)
        {
            return [];
        }
        var rng = Rng.For(Options.Seed, "runs", slot);
        var (workspaces, cumulative) = _slots.Participants(slot);
        var prefix = cumulative.ToArray();
        var from = _slots.StartOf(slot);
        var drafts = new List<(DateTime At, Workspace Workspace, Rng Rng)>((int)count);
        for (var i = 0; i < count; i++)
        {
            var workspace = workspaces[rng.PickCumulative(prefix, prefix.Length)];
            var at = Time.Instants.Milliseconds(from + HourlySlots.Length * rng.NextDouble());
            drafts.Add((at, workspace, new Rng(rng.NextUInt64())));
        }
        // Numbered in time order, so run numbers follow completedAt through the whole stream.
        drafts.Sort((a, b) => a.At.CompareTo(b.At));
        var runs = new List<RunCompleted>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var number = _firstRunOfSlot[slot] + i;
            var (at, workspace, own) = drafts[i];
            runs.Add(RunFactory.Create(Id($"run-{number}"), $"r_{number}", workspace, at, Start, _incidents, own));
        }
        runs.Sort((a, b) => a.CompletedAt.CompareTo(b.CompletedAt));
        return runs;
    }

    private List<UserActive> SessionsOf(int slot)
    {
        var count = _activePerSlot[slot];
        if (count == 0)
        {
            return [];
        }
        var rng = Rng.For(Options.Seed, "sessions", slot);
        var (workspaces, cumulative) = _slots.Participants(slot);
        var prefix = cumulative.ToArray();
        var from = _slots.StartOf(slot);
        var sessions = new List<(DateTime At, Workspace Workspace, Member Member)>((int)count);
        for (var i = 0; i < count; i++)
        {
            var workspace = workspaces[rng.PickCumulative(prefix, prefix.Length)];
            var at = Time.Instants.Milliseconds(from + HourlySlots.Length * rng.NextDouble());
            sessions.Add((at, workspace, RunFactory.PickMember(workspace, at, rng, byPropensity: false)));
        }
        sessions.Sort((a, b) => a.At.CompareTo(b.At));
        return [.. sessions.Select((s, i) =>
            new UserActive(Id($"active-{_firstActiveOfSlot[slot] + i}"), s.Workspace.Id, s.Member.Id, s.At))];
    }

    /// <summary>The events of <paramref name="sorted"/> before <paramref name="until"/> (from <paramref name="next"/> on),
    /// merged in time order with <paramref name="hour"/>; ties keep the sorted list's event first.</summary>
    private static IEnumerable<PlatformEvent> Merge<TSorted, THour>(List<TSorted> sorted, ref int next, DateTime until, List<THour> hour)
        where TSorted : PlatformEvent where THour : PlatformEvent
    {
        var merged = new List<PlatformEvent>(hour.Count + 8);
        var h = 0;
        while (next < sorted.Count && sorted[next].OccurredAt < until)
        {
            while (h < hour.Count && hour[h].OccurredAt < sorted[next].OccurredAt)
            {
                merged.Add(hour[h++]);
            }
            merged.Add(sorted[next++]);
        }
        while (h < hour.Count)
        {
            merged.Add(hour[h++]);
        }
        return merged;
    }

    private List<BillingEvent> WriteBillingStories()
    {
        var lifecycles = _workspaces
            .Select(w => SubscriptionStory.Write(w.Id, w.CreatedAt, w.Size, w.IsAnchor, End, Rng.For(Options.Seed, "story", w.Number)))
            .ToList();

        var perDay = PlanChanges.DefaultMonthlyRate / 30;
        if (Options.SubscriptionEvents is { } wanted)
        {
            var natural = lifecycles.Sum(l => l.Events.Count(e => e is SubscriptionPriced or SubscriptionCanceled));
            var paidDays = lifecycles.Sum(l => PlanChanges.PaidDays(l.PaidSpans));
            perDay = paidDays > 0 ? Math.Max(0, wanted - natural) / paidDays : 0;
        }

        var billing = new List<BillingEvent>();
        for (var i = 0; i < _workspaces.Count; i++)
        {
            var workspace = _workspaces[i];
            PlanChanges.Add(lifecycles[i], workspace.Id, perDay, Rng.For(Options.Seed, "plan-changes", workspace.Number));
            workspace.Story = [.. lifecycles[i].Events.Select((e, k) => e with { EventId = Id($"billing-{workspace.Number}-{k + 1}") })];
            billing.AddRange(workspace.Story);
        }
        return billing;
    }

    private (List<UserSignedUp>, List<AgentCreated>) BuildTeams()
    {
        var headcounts = Teams.Headcounts(_workspaces, Options.Users);
        var signups = new List<UserSignedUp>(Options.Users);
        var agents = new List<AgentCreated>();
        var firstUser = 1;
        foreach (var workspace in _workspaces)
        {
            var rng = Rng.For(Options.Seed, "team", workspace.Number);
            workspace.FirstAgentAt = Teams.FirstAgentAt(workspace, rng);
            workspace.Activity = ActivityTimeline.From(workspace.Story, workspace.CreatedAt, workspace.FirstAgentAt, End, Math.Pow(workspace.Size, 0.85));
            var headcount = headcounts[workspace.Number - 1];
            Teams.AddMembers(workspace, headcount, n => $"u_{n:D6}", firstUser, End, rng);
            firstUser += headcount;
            Teams.AddAgents(workspace, k => $"ag_{workspace.Number}_{k}", End, rng);

            signups.AddRange(workspace.Members.Select(m =>
                new UserSignedUp(Id($"signup-{m.Id}"), workspace.Id, m.Id, m.SignedUpAt, m.Name, m.Email)));
            agents.AddRange(workspace.Agents.Select(a =>
                new AgentCreated(Id($"agent-{a.Id}"), workspace.Id, a.Id, a.Name, a.CreatedAt)));
        }
        return ([.. signups.OrderBy(s => s.OccurredAt)], [.. agents.OrderBy(a => a.OccurredAt)]);
    }

    private List<(DateTime At, decimal MonthlyValue)> FirstPayments() =>
        [.. _workspaces
            .Select(w => w.Story.OfType<SubscriptionPriced>().FirstOrDefault(s => !s.IsChange))
            .Where(s => s is not null)
            .Select(s => (s!.OccurredAt, s.MonthlyValue))];

    private static long[] RunningStarts(long[] counts)
    {
        var starts = new long[counts.Length];
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            starts[i] = total;
            total += counts[i];
        }
        return starts;
    }
}
