namespace ExecutiveDashboard.Billing.Subscriptions;

/// <summary>ChartMogul's MRR movements.</summary>
public enum MrrMovementKind { New, Expansion, Contraction, Churned, Reactivation }

public static class MrrMovementKinds
{
    public static string Code(this MrrMovementKind kind) => kind switch
    {
        MrrMovementKind.New => "new",
        MrrMovementKind.Expansion => "expansion",
        MrrMovementKind.Contraction => "contraction",
        MrrMovementKind.Churned => "churned",
        _ => "reactivation",
    };

    public static MrrMovementKind Parse(string code) => code switch
    {
        "new" => MrrMovementKind.New,
        "expansion" => MrrMovementKind.Expansion,
        "contraction" => MrrMovementKind.Contraction,
        "churned" => MrrMovementKind.Churned,
        "reactivation" => MrrMovementKind.Reactivation,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "unknown MRR movement"),
    };

    /// <summary>How MRR x → y of one workspace moves: 0 → y is new, or reactivation for a workspace
    /// that paid before; x → 0 is churn; x → y while paying is expansion or contraction.</summary>
    public static MrrMovementKind? Classify(decimal from, decimal to, bool paidBefore) =>
        (from, to) switch
        {
            (0, > 0) => paidBefore ? MrrMovementKind.Reactivation : MrrMovementKind.New,
            (> 0, 0) => MrrMovementKind.Churned,
            _ when to > from => MrrMovementKind.Expansion,
            _ when to < from => MrrMovementKind.Contraction,
            _ => null,
        };
}

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
