namespace ExecutiveDashboard.Users.Model;

/// <summary>When a user was first seen (signup or activity) and its latest signup name by event time.</summary>
public readonly record struct UserSighting(DateTime FirstSeenAt, string? Name, DateTime? NamedAt);
