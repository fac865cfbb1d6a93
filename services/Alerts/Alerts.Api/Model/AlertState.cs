namespace ExecutiveDashboard.Alerts.Model;

/// <summary>Which alerts a list asks for, as of an instant: active (triggered before it, not resolved before it),
/// resolved (before it) or all (triggered before it).</summary>
public enum AlertState
{
    Active,
    Resolved,
    All,
}
