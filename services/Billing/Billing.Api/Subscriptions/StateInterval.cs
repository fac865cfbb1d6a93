namespace ExecutiveDashboard.Billing.Subscriptions;

/// <summary>
/// One stretch of a workspace's timeline. The state holds for every t with
/// <c>ValidFrom &lt; t &lt;= ValidTo</c> (open end when <see cref="ValidTo"/> is null): the state at t takes
/// the events with <c>occurredAt &lt; t</c>, so an event at e shows from just after e, and the
/// interval it opens is left-open at e.
/// </summary>
/// <param name="MrrDelta">The workspace's MRR change at <see cref="ValidFrom"/> (this interval's MRR minus the previous one's).</param>
/// <param name="Movement">How that change counts in MRR movements; null when MRR did not change.</param>
public sealed record StateInterval(
    DateTime ValidFrom, DateTime? ValidTo, SubscriptionState State, decimal MrrDelta, MrrMovementKind? Movement)
{
    public bool Contains(DateTime t) => ValidFrom < t && (ValidTo is null || t <= ValidTo);
}
