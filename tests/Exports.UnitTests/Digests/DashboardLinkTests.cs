using ExecutiveDashboard.Exports.Digests;

namespace ExecutiveDashboard.Exports.UnitTests.Digests;

public sealed class DashboardLinkTests
{
    private static readonly DateTime AsOf = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("https://dash.example.com", "ws_1", "7d", "https://dash.example.com/?timeframe=7d&scope=ws_1&asOf=2026-12-07T08:00:00Z")]
    [InlineData("https://dash.example.com/", "all", "24h", "https://dash.example.com/?timeframe=24h&asOf=2026-12-07T08:00:00Z")]
    [InlineData("http://localhost:8080", "team:a@b.c", "7d", "http://localhost:8080/?timeframe=7d&scope=team%3Aa%40b.c&asOf=2026-12-07T08:00:00Z")]
    public void The_link_opens_the_page_at_the_digests_scope_timeframe_and_instant(string publicUrl, string scope, string timeframe, string expected) =>
        Assert.Equal(expected, DashboardLink.Of(new Uri(publicUrl), scope, timeframe, AsOf));
}
