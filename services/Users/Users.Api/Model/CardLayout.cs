namespace ExecutiveDashboard.Users.Model;

/// <summary>A person's card layout as stored: the cards in display order and when it was last saved.</summary>
public sealed record CardLayout(IReadOnlyList<CardPlacement> Cards, DateTimeOffset UpdatedAt);
