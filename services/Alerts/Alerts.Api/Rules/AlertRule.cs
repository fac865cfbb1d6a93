using System.Globalization;

namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>A built-in rule of docs/alerts.md: its name (the alert's <c>type</c>), its editable thresholds and a pure
/// evaluation over one scope's signals. Thresholds compare exact decimal fractions, so that a rule fires at its
/// threshold and not a hair below it.</summary>
public abstract class AlertRule
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<RuleParameter> Parameters { get; }

    public abstract Outcome Evaluate(ScopeSignals signals, RuleSettings settings);

    /// <summary>Rules between parameters (each value is already within its own range): field → error.</summary>
    public virtual IEnumerable<KeyValuePair<string, string>> Check(RuleSettings settings) => [];

    public RuleSettings Defaults => new(Parameters.ToDictionary(p => p.Name, p => p.Default));

    protected static decimal Percent(long part, long whole) => part * 100m / whole;

    protected static string Pct(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    protected static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    protected static string Money(decimal value) => "$" + value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
