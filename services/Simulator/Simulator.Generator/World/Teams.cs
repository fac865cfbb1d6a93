using ExecutiveDashboard.Simulator.Generation.Catalog;
using ExecutiveDashboard.Simulator.Generation.Randomness;
using ExecutiveDashboard.Simulator.Generation.Time;

namespace ExecutiveDashboard.Simulator.Generation.World;

/// <summary>
/// Who works in each workspace and which agents they build. The founder signs up when the workspace is
/// created; colleagues join over the following weeks (a few days to a couple of months), only while the
/// workspace is in use, on working days more than at weekends. Each user has a propensity (a few power users
/// run most agents) and may stop coming after some months. Larger teams build more agents, each from a
/// different template, the first within hours of the trial, the others over the following weeks.
/// </summary>
internal static class Teams
{
    private static readonly TimeSpan MeanJoinDelay = TimeSpan.FromDays(20);
    private static readonly TimeSpan MeanUserLifetime = TimeSpan.FromDays(160);
    private static readonly TimeSpan MeanNextAgentDelay = TimeSpan.FromDays(15);

    /// <summary>Shares <paramref name="users"/> among the workspaces by size, at least one each (largest remainders).</summary>
    public static int[] Headcounts(IReadOnlyList<Workspace> workspaces, int users)
    {
        var counts = new int[workspaces.Count];
        var rest = users - workspaces.Count;
        var total = workspaces.Sum(w => w.Size);
        var remainders = new double[workspaces.Count];
        var given = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var exact = rest * workspaces[i].Size / total;
            counts[i] = 1 + (int)Math.Floor(exact);
            remainders[i] = exact - Math.Floor(exact);
            given += counts[i] - 1;
        }
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(rest - given))
        {
            counts[i]++;
        }
        return counts;
    }

    /// <summary>The first agent's creation: shortly after the workspace's first billing event (its trial or purchase).</summary>
    public static DateTime FirstAgentAt(Workspace workspace, Rng rng)
    {
        var from = workspace.Story.Count > 0 ? workspace.Story[0].OccurredAt : workspace.CreatedAt;
        return Instants.Milliseconds(from + TimeSpan.FromMinutes(rng.Between(10, 360)));
    }

    public static void AddMembers(Workspace workspace, int headcount, Func<int, string> userId, int firstUser, DateTime end, Rng rng)
    {
        var limit = workspace.Activity.IsEverActive ? workspace.Activity.LastActive : end;
        var members = new List<Member>(headcount);
        for (var i = 0; i < headcount; i++)
        {
            var signedUp = i == 0 ? workspace.CreatedAt : JoinTime(workspace, limit, rng);
            var (name, email) = People.Person(rng, workspace.Company);
            var leaves = Instants.Milliseconds(signedUp + MeanUserLifetime * rng.Exponential(1));
            members.Add(new Member(userId(firstUser + i), name, email, signedUp, rng.LogNormal(1, 0.9), leaves));
        }
        members.Sort((a, b) => a.SignedUpAt != b.SignedUpAt ? a.SignedUpAt.CompareTo(b.SignedUpAt) : string.CompareOrdinal(a.Id, b.Id));
        workspace.Members = [.. members];
        workspace.MemberSignups = [.. members.Select(m => m.SignedUpAt)];
        workspace.MemberWeights = RunningSum(members.Select(m => m.Propensity));
    }

    public static void AddAgents(Workspace workspace, Func<int, string> agentId, DateTime end, Rng rng)
    {
        var wanted = Math.Clamp((int)Math.Round(1 + 1.6 * Math.Log(1 + workspace.Members.Length) * rng.Between(0.7, 1.3)), 1, 12);
        var limit = workspace.Activity.IsEverActive ? workspace.Activity.LastActive : end;
        var templates = AgentTemplates.All.ToList();
        var agents = new List<Agent>();
        for (var k = 0; k < wanted && templates.Count > 0; k++)
        {
            var template = templates[rng.PickWeighted(templates.Select(t => t.Popularity).ToList())];
            templates.Remove(template);
            var created = k == 0
                ? workspace.FirstAgentAt
                : Instants.Milliseconds(workspace.FirstAgentAt + MeanNextAgentDelay * rng.Exponential(1));
            var failureRate = Math.Clamp(template.FailureRate * rng.LogNormal(1, 0.35), 0.003, 0.35);
            var agent = new Agent(agentId(k + 1), template.Name, template, created, template.Popularity * rng.LogNormal(1, 0.5),
                failureRate, rng.LogNormal(1, 0.25));
            if (created < limit && created < end)
            {
                agents.Add(agent);
            }
        }
        agents.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        workspace.Agents = [.. agents];
        workspace.AgentCreations = [.. agents.Select(a => a.CreatedAt)];
        workspace.AgentWeights = RunningSum(agents.Select(a => a.Weight));
    }

    private static DateTime JoinTime(Workspace workspace, DateTime limit, Rng rng)
    {
        if (limit <= workspace.CreatedAt)
        {
            return workspace.CreatedAt;
        }
        return Seasonality.Sample(rng, r =>
        {
            // Colleagues join while the workspace is in use; past its last use, anywhere in its life.
            for (var attempt = 0; attempt < 16; attempt++)
            {
                var candidate = workspace.CreatedAt + MeanJoinDelay * r.Exponential(1);
                if (candidate < limit && (!workspace.Activity.IsEverActive || workspace.Activity.IsActiveAt(candidate)))
                {
                    return candidate;
                }
            }
            return workspace.CreatedAt + (limit - workspace.CreatedAt) * r.NextDouble();
        });
    }

    private static double[] RunningSum(IEnumerable<double> weights)
    {
        var sums = new List<double>();
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
            sums.Add(total);
        }
        return [.. sums];
    }
}
