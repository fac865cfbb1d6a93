namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>What an evaluation changes in a scope's alerts.</summary>
public abstract record Transition(string Rule)
{
    public sealed record Trigger(string Rule, Severity Severity, string Message) : Transition(Rule);

    /// <summary>The condition still holds at another severity (high ↔ critical): the same alert, re-rated.</summary>
    public sealed record Rerate(OpenAlert Alert, Severity Severity, string Message) : Transition(Alert.Rule);

    public sealed record Resolve(OpenAlert Alert) : Transition(Alert.Rule);
}
