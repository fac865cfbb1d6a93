namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>What one rule says about one scope at one instant.</summary>
public abstract record Outcome
{
    /// <summary>The condition holds.</summary>
    public sealed record Firing(Severity Severity, string Message) : Outcome;

    /// <summary>The condition does not hold (or a guard keeps the rule quiet, e.g. no history to compare with).</summary>
    public sealed record Clear : Outcome;

    /// <summary>The inputs could not be read: neither raise nor resolve.</summary>
    public sealed record Unknown : Outcome;

    public static readonly Outcome Cleared = new Clear();
    public static readonly Outcome NotKnown = new Unknown();
}
