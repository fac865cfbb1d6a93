namespace ExecutiveDashboard.Contracts.Signals;

/// <summary>The daily active users of a scope at one instant <paramref name="At"/>: distinct users active in
/// <c>[At − 1 day, At)</c>, as the overview's <c>dau</c> counts them.</summary>
public sealed record ActiveUsersDay(DateTime At, long Dau);
