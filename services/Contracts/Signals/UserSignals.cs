namespace ExecutiveDashboard.Contracts.Signals;

/// <summary>What the goals need of the users service for one scope (<c>POST /api/users/signals</c>): the daily active
/// users at asOf, as the overview's <c>dau</c> counts them (distinct users active in <c>[asOf − 1 day, asOf)</c>).</summary>
/// <param name="Daily">With <see cref="SignalsQuery.Days"/> = n: the DAU at asOf − n days, …, asOf − 1 day and asOf
/// (n + 1 instants, oldest first); null when none was asked.</param>
public sealed record UserSignals(DateTime AsOf, long Dau, IReadOnlyList<ActiveUsersDay>? Daily = null);
