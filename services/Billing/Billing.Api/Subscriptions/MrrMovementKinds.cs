namespace ExecutiveDashboard.Billing.Subscriptions;

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
