namespace ExecutiveDashboard.Contracts.Signals;

/// <summary>
/// What the alert rules need of the executions service for one scope at <see cref="AsOf"/>, read from its
/// rollups (<c>POST /api/executions/signals</c>). Windows end at asOf (exclusive): the last hour is
/// <c>[asOf-1h, asOf)</c>, the previous week is the 7 days before that hour, the last day <c>[asOf-24h, asOf)</c>
/// and the day before <c>[asOf-48h, asOf-24h)</c>. Counts rather than rates, so that a rule compares exact
/// fractions at its threshold.
/// </summary>
/// <param name="EarliestEventAt">The scope's earliest executions event: how much history there is (null: none).</param>
/// <param name="P95RuntimeLast24h">95th percentile runtime in seconds (null without runs), as the overview computes it, over
/// whole hours: the 24 hours before the hour of asOf (<see cref="P95RuntimePrevious24h"/>: the 24 before those).</param>
/// <param name="CatchingUp">Some accepted runs are not in these totals yet (a backfill ahead of the rollups): rules must
/// not judge on them.</param>
/// <param name="QuarantinedLast24h">Accepted events of the scope that the service could not add to its numbers and set
/// aside (quarantined) during <c>[asOf-24h, asOf)</c>, by the time they were set aside.</param>
/// <param name="Daily">With <see cref="SignalsQuery.Days"/> = n: the 30-day run windows ending at asOf − n days, …,
/// asOf − 1 day and asOf (n + 1 windows, oldest first), for the goals; null when none was asked.</param>
public sealed record ExecutionSignals(
    DateTime AsOf,
    DateTime? EarliestEventAt,
    long RunsLastHour,
    long FailedRunsLastHour,
    decimal CreditsLastHour,
    decimal CreditsPreviousWeek,
    long RunsLast24h,
    long SucceededLast24h,
    long RunsPrevious24h,
    long SucceededPrevious24h,
    double? P95RuntimeLast24h,
    double? P95RuntimePrevious24h,
    bool CatchingUp = false,
    long QuarantinedLast24h = 0,
    IReadOnlyList<RunWindow>? Daily = null);
