using System.Text.Json;
using ExecutiveDashboard.Alerts.Rules;

namespace ExecutiveDashboard.Alerts.UnitTests;

public sealed class RuleEditTests
{
    private static (RuleSettings? Settings, Dictionary<string, string[]> Errors) Edit(string rule, string json)
    {
        var found = RuleBook.Find(rule)!;
        return RuleBook.Edit(found, found.Defaults, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json));
    }

    [Fact]
    public void A_valid_edit_changes_only_the_named_thresholds()
    {
        var (settings, errors) = Edit(HighErrorRate.RuleName, """{ "minRuns": 50, "criticalErrorRate": 40.5 }""");
        Assert.Empty(errors);
        Assert.Equal(new Dictionary<string, decimal> { ["minRuns"] = 50, ["errorRate"] = 10, ["criticalErrorRate"] = 40.5m },
            settings!.Values);
    }

    [Theory]
    [InlineData("""{ "minRuns": 0 }""", "minRuns")]
    [InlineData("""{ "errorRate": 100.5 }""", "errorRate")]
    [InlineData("""{ "errorRate": "ten" }""", "errorRate")]
    [InlineData("""{ "errorRates": 10 }""", "errorRates")]
    [InlineData("""{ "criticalErrorRate": 5 }""", "criticalErrorRate")] // below errorRate (10)
    [InlineData("""{ }""", "parameters")]
    public void An_invalid_edit_names_the_field(string json, string field)
    {
        var (settings, errors) = Edit(HighErrorRate.RuleName, json);
        Assert.Null(settings);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Every_rule_has_defaults_within_its_own_limits()
    {
        Assert.Equal(["high-error-rate", "success-rate-drop", "credit-spike", "mrr-drop", "slow-runs", "ingest-quarantine", "goal-off-track"], RuleBook.All.Select(r => r.Name));
        Assert.All(RuleBook.All.SelectMany(r => r.Parameters), p => Assert.InRange(p.Default, p.Min, p.Max));
        Assert.All(RuleBook.All, r => Assert.Empty(r.Check(r.Defaults)));
    }
}
