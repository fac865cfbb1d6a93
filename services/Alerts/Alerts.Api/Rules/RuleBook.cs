using System.Globalization;
using System.Text.Json;

namespace ExecutiveDashboard.Alerts.Rules;

/// <summary>The built-in rules, their default thresholds and the validation of an edit.</summary>
public static class RuleBook
{
    public static readonly IReadOnlyList<AlertRule> All =
        [new HighErrorRate(), new SuccessRateDrop(), new CreditSpike(), new MrrDrop(), new SlowRuns(), new IngestQuarantine(), new GoalOffTrack()];

    /// <summary>How far back any rule looks from asOf: credit-spike's last hour and the week before it. A scope whose
    /// numbers last changed earlier has nothing in any window.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(7) + TimeSpan.FromHours(1);

    public static AlertRule? Find(string name) => All.FirstOrDefault(r => r.Name == name);

    public static IReadOnlyDictionary<string, RuleSettings> Defaults() => All.ToDictionary(r => r.Name, r => r.Defaults);

    /// <summary>Every rule over one scope's signals, with the thresholds in force (defaults where none were saved).</summary>
    public static IReadOnlyList<Finding> Evaluate(ScopeSignals signals, IReadOnlyDictionary<string, RuleSettings> settings) =>
        All.Select(r => new Finding(r.Name, r.Evaluate(signals, settings.GetValueOrDefault(r.Name) ?? r.Defaults))).ToList();

    /// <summary>An edit of some of a rule's parameters over its current thresholds: each value a number within its
    /// range, no unknown names, and the rule's own cross-checks.</summary>
    /// <returns>The new thresholds, or the errors by field name (RFC 7807 ValidationProblem).</returns>
    public static (RuleSettings? Settings, Dictionary<string, string[]> Errors) Edit(
        AlertRule rule, RuleSettings current, IReadOnlyDictionary<string, JsonElement>? edits)
    {
        var errors = new Dictionary<string, string[]>();
        if (edits is null || edits.Count == 0)
        {
            errors["parameters"] = [$"name at least one parameter: {string.Join(", ", rule.Parameters.Select(p => p.Name))}"];
            return (null, errors);
        }

        var values = current.Values.ToDictionary();
        foreach (var (name, value) in edits)
        {
            var parameter = rule.Parameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                errors[name] = [$"is not a parameter of {rule.Name}; it has {string.Join(", ", rule.Parameters.Select(p => p.Name))}"];
            }
            else if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                errors[name] = ["must be a number"];
            }
            else if (number < parameter.Min || number > parameter.Max)
            {
                errors[name] = [string.Create(CultureInfo.InvariantCulture, $"must be between {parameter.Min} and {parameter.Max}")];
            }
            else
            {
                values[name] = number;
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var settings = new RuleSettings(values);
        foreach (var (field, error) in rule.Check(settings))
        {
            errors[field] = [error];
        }
        return errors.Count > 0 ? (null, errors) : (settings, errors);
    }
}
