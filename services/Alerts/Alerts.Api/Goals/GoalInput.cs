using System.Globalization;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Metrics;

namespace ExecutiveDashboard.Alerts.Goals;

/// <summary>A goal as a request sets it, validated at the edge: <c>workspaceId</c> (POST only: a goal keeps its scope),
/// <c>metric</c>, <c>target</c> (a JSON number within the metric's bounds) and <c>targetDate</c> (a <c>yyyy-MM-dd</c> day
/// after today, UTC, at most <see cref="MaxYearsAhead"/> years ahead). Any other field is refused, so that a typo does not
/// store a goal the caller did not mean.</summary>
public sealed record GoalInput(string? Scope, GoalMetric Metric, decimal Target, DateOnly TargetDate)
{
    public const int MaxYearsAhead = 5;

    private static readonly string[] PostFields = ["workspaceId", "metric", "target", "targetDate"];

    /// <returns>The input, or the errors by field name (RFC 7807 ValidationProblem).</returns>
    public static (GoalInput? Input, Dictionary<string, string[]> Errors) Parse(
        IReadOnlyDictionary<string, JsonElement>? body, bool withScope, DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors["body"] = ["is required: a JSON object with metric, target and targetDate"];
            return (null, errors);
        }
        var allowed = withScope ? PostFields : PostFields[1..];
        foreach (var name in body.Keys.Where(k => !allowed.Contains(k)))
        {
            errors[name] = [$"is not a field of a goal; it has {string.Join(", ", allowed)}"];
        }

        string? scope = null;
        if (withScope)
        {
            scope = Text(body, "workspaceId");
            if (!Scopes.IsValid(scope))
            {
                errors["workspaceId"] = [Scopes.Rule];
            }
        }
        var metric = GoalMetric.Find(Text(body, "metric"));
        if (metric is null)
        {
            errors["metric"] = [$"must be one of {GoalMetric.Names}"];
        }
        var target = ParseTarget(body, metric, errors);
        var today = DateOnly.FromDateTime(now);
        DateOnly date = default;
        if (!DateOnly.TryParseExact(Text(body, "targetDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors["targetDate"] = ["must be a day as yyyy-MM-dd, e.g. 2027-03-31"];
        }
        else if (date <= today || date > today.AddYears(MaxYearsAhead))
        {
            errors["targetDate"] = [$"must be after today ({today:yyyy-MM-dd}, UTC) and at most {MaxYearsAhead} years ahead"];
        }
        return errors.Count > 0 ? (null, errors) : (new GoalInput(scope, metric!, target, date), errors);
    }

    private static string? Text(IReadOnlyDictionary<string, JsonElement> body, string name) =>
        body.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal ParseTarget(IReadOnlyDictionary<string, JsonElement> body, GoalMetric? metric, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetValue("target", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var target))
        {
            errors["target"] = ["must be a number"];
            return 0;
        }
        if (metric is null)
        {
            return target;
        }
        if (target <= 0 || target > metric.MaxTarget)
        {
            errors["target"] = [string.Create(CultureInfo.InvariantCulture, $"must be above 0 and at most {metric.MaxTarget:#,0} for {metric.Name}")];
        }
        else if (metric.Whole ? target != decimal.Truncate(target) : target != decimal.Round(target, 2))
        {
            errors["target"] = [metric.Whole ? $"must be a whole number for {metric.Name}" : "must have at most 2 decimals"];
        }
        return target;
    }
}
