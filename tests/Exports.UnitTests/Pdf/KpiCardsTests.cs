using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Exports.Pdf.Kpis;

namespace ExecutiveDashboard.Exports.UnitTests.Pdf;

public class KpiCardsTests
{
    [Fact]
    public void The_callers_cards_come_first_in_their_order_then_the_others_in_the_default_order()
    {
        var cards = KpiCards.Cards(DashboardFixtures.Overview(), ["ltvCac", "unknown", "dau", "ltvCac"]);
        Assert.Equal(["ltvCac", "dau", "totalRuns", "successRate", "credits", "activeWorkspaces", "mrr", "churn", "p95Runtime", "newUsers", "agents"],
            cards.Select(c => c.Id));
    }

    [Fact]
    public void Every_kpi_field_of_the_four_sections_is_on_a_card()
    {
        var data = DashboardFixtures.Overview();
        var lines = KpiCards.Cards(data, []).SelectMany(c => c.Extras.Prepend(c.Main)).ToList();
        // Every number of the four records, as the contract names it, minus the changes (shown beside their value).
        var fields = new[] { typeof(UserMetrics), typeof(ExecutionMetrics), typeof(AgentMetrics), typeof(BusinessMetrics) }
            .SelectMany(t => t.GetProperties()).Where(p => p.PropertyType != typeof(IReadOnlyList<TopAgent>) && !p.Name.EndsWith("Change"))
            .Select(p => p.Name).ToList();
        Assert.Equal(24, fields.Count);
        Assert.Equal(fields.Count, lines.Count);
        Assert.Equal(7, lines.Count(l => l.HasChange));
    }

    [Fact]
    public void A_line_of_a_degraded_section_is_marked_degraded_and_the_others_are_not()
    {
        var data = DashboardFixtures.Overview(degraded: [Sections.BusinessMetrics]);
        var cards = KpiCards.Cards(data, []).ToDictionary(c => c.Id);
        Assert.True(cards["mrr"].Main.Degraded);
        Assert.True(cards["activeWorkspaces"].Extras.All(e => e.Degraded));
        Assert.False(cards["activeWorkspaces"].Main.Degraded);
        Assert.False(cards["dau"].Main.Degraded);
    }

    [Fact]
    public void The_agents_card_is_degraded_with_agent_metrics_and_the_new_users_card_with_user_metrics()
    {
        var cards = KpiCards.Cards(DashboardFixtures.Overview(degraded: [Sections.AgentMetrics]), []).ToDictionary(c => c.Id);
        Assert.True(cards["agents"].Main.Degraded);
        Assert.True(cards["agents"].Extras.All(e => e.Degraded));
        Assert.False(cards["newUsers"].Main.Degraded);

        cards = KpiCards.Cards(DashboardFixtures.Overview(degraded: [Sections.UserMetrics]), []).ToDictionary(c => c.Id);
        Assert.True(cards["newUsers"].Main.Degraded);
        Assert.True(cards["newUsers"].Extras.All(e => e.Degraded));
        Assert.False(cards["agents"].Main.Degraded);
    }
}
