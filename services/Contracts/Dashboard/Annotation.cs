namespace ExecutiveDashboard.Contracts.Dashboard;

/// <summary>A note on the timeline that says why a line moved: a deploy, an incident, a campaign or any note
/// (<see cref="AnnotationKinds"/>). <paramref name="Scope"/> is the workspace it belongs to, or <c>all</c> for a
/// platform-wide note that every workspace's charts show.</summary>
public sealed record Annotation(string Id, DateTime At, string Scope, string Kind, string Text);
