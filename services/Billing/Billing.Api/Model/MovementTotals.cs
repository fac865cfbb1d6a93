using ExecutiveDashboard.Billing.Subscriptions;

namespace ExecutiveDashboard.Billing.Model;

/// <summary>Sums of each kind of MRR movement over a period, exact (not rounded).</summary>
public sealed record MovementTotals(decimal New, decimal Expansion, decimal Contraction, decimal Churned, decimal Reactivation)
{
    public static readonly MovementTotals Zero = new(0, 0, 0, 0, 0);

    /// <summary>Adds a signed MRR delta of the given kind; contraction and churn are reported as positive amounts.</summary>
    public MovementTotals Add(MrrMovementKind kind, decimal delta) => kind switch
    {
        MrrMovementKind.New => this with { New = New + delta },
        MrrMovementKind.Expansion => this with { Expansion = Expansion + delta },
        MrrMovementKind.Contraction => this with { Contraction = Contraction - delta },
        MrrMovementKind.Churned => this with { Churned = Churned - delta },
        _ => this with { Reactivation = Reactivation + delta },
    };
}
