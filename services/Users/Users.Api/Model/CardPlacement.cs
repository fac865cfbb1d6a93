namespace ExecutiveDashboard.Users.Model;

/// <summary>One metric card of the dashboard: where it stands (its index in the list) and whether it is shown.</summary>
public sealed record CardPlacement(string Id, bool Visible);
