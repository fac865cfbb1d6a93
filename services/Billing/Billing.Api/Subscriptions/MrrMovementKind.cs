namespace ExecutiveDashboard.Billing.Subscriptions;

/// <summary>ChartMogul's MRR movements.</summary>
public enum MrrMovementKind { New, Expansion, Contraction, Churned, Reactivation }
