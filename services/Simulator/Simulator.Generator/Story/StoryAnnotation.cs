namespace ExecutiveDashboard.Simulator.Generation.Story;

/// <summary>A note on the demo's timeline, as <c>POST /api/annotations</c> takes it: why a line of the story moved.</summary>
/// <param name="Kind"><c>deploy</c>, <c>incident</c>, <c>campaign</c> or <c>note</c>.</param>
/// <param name="Scope">A workspace id, or <c>all</c> for what touches the whole platform.</param>
public sealed record StoryAnnotation(DateTime At, string Scope, string Kind, string Text);
