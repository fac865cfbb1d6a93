namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>Alert severities, lowest first, so that comparing them orders them.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
