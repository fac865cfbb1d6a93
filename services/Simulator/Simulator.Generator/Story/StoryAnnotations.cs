using System.Globalization;
using ExecutiveDashboard.Simulator.Generation.Activity;
using ExecutiveDashboard.Simulator.Generation.Time;

namespace ExecutiveDashboard.Simulator.Generation.Story;

/// <summary>
/// The annotations that tell the story the generator writes, each where its cause is in the data: the launch campaign at
/// the period's start, before the launch wave of signups (<see cref="World.WorkspaceArrivals"/>); each incident where its
/// failures start (the error rate's spike), and the fix deployed where they stop. All are platform-wide (<c>all</c>):
/// an incident hits every workspace that uses the template.
/// </summary>
internal static class StoryAnnotations
{
    public const string Platform = "all";

    public static List<StoryAnnotation> Plan(IReadOnlyList<Incident> incidents, DateTime start)
    {
        List<StoryAnnotation> notes =
        [
            new(Instants.Milliseconds(start), Platform, "campaign",
                "Launch campaign: the beta's customers are invited over; about a quarter of all workspaces sign up in the first week."),
        ];
        foreach (var incident in incidents.OrderBy(i => i.From))
        {
            var minutes = (int)Math.Round((incident.To - incident.From).TotalMinutes);
            var what = incident.Template is { } template
                ? $"{template} agents: their upstream API is failing"
                : "Model provider outage: every agent's calls are failing";
            notes.Add(new(Instants.Milliseconds(incident.From), Platform, "incident",
                string.Create(CultureInfo.InvariantCulture, $"{what} ({Incident.ErrorCode}) for {minutes} min; those runs fail several times as often.")));
            notes.Add(new(Instants.Milliseconds(incident.To), Platform, "deploy",
                incident.Template is { } fixedTemplate
                    ? $"Hotfix deployed: {fixedTemplate} retries and fails over its upstream calls; failures back to normal."
                    : "Fallback model provider deployed; failures back to normal."));
        }
        return notes;
    }
}
