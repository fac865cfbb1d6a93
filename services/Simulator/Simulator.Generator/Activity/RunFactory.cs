using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Generation.Randomness;
using ExecutiveDashboard.Simulator.Generation.World;

namespace ExecutiveDashboard.Simulator.Generation.Activity;

/// <summary>
/// One agent run: a member who has signed up (power users more often) runs one of the workspace's agents
/// that exists by then (popular ones more often). The runtime is log-normal around the template's median;
/// a failure is the agent's own rate (higher during an incident), and fails fast with one of the template's
/// error codes or hits the template's timeout. Credits grow with runtime; a failed run costs less.
/// </summary>
internal static class RunFactory
{
    public static RunCompleted Create(
        string eventId, string runId, Workspace workspace, DateTime completedAt, DateTime notBefore, IReadOnlyList<Incident> incidents, Rng rng,
        Member? member = null)
    {
        var agent = workspace.Agents[rng.PickCumulative(workspace.AgentWeights, Math.Max(1, Workspace.CountBefore(workspace.AgentCreations, completedAt)))];
        member ??= PickMember(workspace, completedAt, rng, byPropensity: true);
        var template = agent.Template;

        var seconds = Math.Clamp(rng.LogNormal(template.MedianSeconds * agent.SpeedFactor, template.Spread), 0.3, template.TimeoutSeconds);
        var failureRate = agent.FailureRate;
        var incident = incidents.FirstOrDefault(i => i.Affects(completedAt, workspace.Id, template));
        if (incident is not null)
        {
            failureRate = Math.Min(0.85, failureRate * incident.Multiplier + 0.1);
        }
        string? errorCode = null;
        var failed = rng.Chance(failureRate);
        if (failed)
        {
            if (incident is not null && rng.Chance(0.8))
            {
                errorCode = Incident.ErrorCode;
                seconds *= rng.Between(0.05, 0.3);
            }
            else if (rng.Chance(0.25))
            {
                errorCode = "timeout";
                seconds = template.TimeoutSeconds;
            }
            else
            {
                errorCode = rng.Pick(template.ErrorCodes);
                seconds *= rng.Between(0.05, 0.6);
            }
        }

        var runtime = TimeSpan.FromMilliseconds(Math.Max(1, Math.Round(seconds * 1000)));
        var credits = (template.BaseCredits + template.CreditsPerMinute * seconds / 60) * rng.Between(0.85, 1.15) * (failed ? 0.4 : 1);
        if (completedAt - runtime < notBefore)
        {
            completedAt = notBefore + runtime;
        }
        return new RunCompleted(eventId, workspace.Id, runId, agent.Id, agent.Name, member.Id, !failed,
            completedAt - runtime, completedAt, Math.Max(0.01m, Math.Round((decimal)credits, 2)), errorCode);
    }

    /// <summary>A member signed up before <paramref name="at"/>; one who has stopped coming is drawn again (a few times).</summary>
    public static Member PickMember(Workspace workspace, DateTime at, Rng rng, bool byPropensity)
    {
        var eligible = Math.Max(1, Workspace.CountBefore(workspace.MemberSignups, at));
        Member member = null!;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            member = workspace.Members[byPropensity ? rng.PickCumulative(workspace.MemberWeights, eligible) : rng.Next(eligible)];
            if (member.LeavesAt > at)
            {
                break;
            }
        }
        return member;
    }
}
