namespace ExecutiveDashboard.Contracts.Dashboard;

public sealed record MrrMovements(decimal? New, decimal? Expansion, decimal? Contraction, decimal? Churned, decimal? Reactivation)
{
    public static readonly MrrMovements Empty = new(null, null, null, null, null);
}
