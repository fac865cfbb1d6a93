namespace ExecutiveDashboard.Billing.Model;

/// <summary>MRR, paying and trialing workspaces of a scope at one instant.</summary>
public readonly record struct MrrSnapshot(decimal Mrr, long PaidWorkspaces, long TrialWorkspaces);
