using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Xunit;
using static ExecutiveDashboard.TestSupport.IngestJson;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// The rules every service's API shares: only the ingest role sends events, and only for its workspaces; reads
/// need ceo or admin and the workspace, the platform scope a <c>*</c> grant; a forged, altered, expired or overlong token,
/// or one signed by a key not trusted for its role, is a 401 problem; a bad timeframe, asOf or start is a 400 problem.
/// Each integration-test project runs them once through a tiny subclass in its own collection.
/// </summary>
public abstract class DashboardAuthRulesTests<TService>(ServersFixture<TService> servers) : ServiceTests<TService>(servers)
    where TService : IServiceUnderTest
{
    /// <summary>One valid event of workspace <c>ws_1</c> for this service.</summary>
    protected abstract JsonNode ValidEvent();

    private string Events => $"{Service.ApiPrefix}/events";

    private string Overview => $"{Service.ApiPrefix}/overview";

    private Task<long> StoredEvents() => Service.ScalarAsync("SELECT count(*) FROM ingested_events");

    [Fact]
    public async Task Only_the_ingest_role_may_send_and_only_for_its_workspaces()
    {
        using var anonymous = await Service.CreateClient().PostAsync(Events, Batch(ValidEvent()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var ceo = await Service.Ceo.PostAsync(Events, Batch(ValidEvent()));
        Assert.Equal(HttpStatusCode.Forbidden, ceo.StatusCode);

        using var otherWorkspace = await Service.ClientFor("ingest", "ws_2").PostAsync(Events, Batch(ValidEvent()));
        Assert.Equal(HttpStatusCode.Forbidden, otherWorkspace.StatusCode);
        Assert.Equal(0, await StoredEvents());

        using var own = await Service.ClientFor("ingest", "ws_1").PostAsync(Events, Batch(ValidEvent()));
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
    }

    [Theory]
    [InlineData(null, "ws_1", HttpStatusCode.Unauthorized)]
    [InlineData("member", "*", HttpStatusCode.Forbidden)]
    [InlineData("ingest", "*", HttpStatusCode.Forbidden)]
    [InlineData("ceo", "ws_2", HttpStatusCode.Forbidden)]
    [InlineData("admin", "ws_1 ws_2", HttpStatusCode.OK)]
    [InlineData("ceo", "ws_1", HttpStatusCode.OK)]
    public async Task Reads_need_ceo_or_admin_and_the_workspace(string? role, string workspaces, HttpStatusCode expected)
    {
        var client = role is null ? Service.CreateClient() : Service.ClientFor(role, workspaces);

        using var response = await client.GetAsync($"{Overview}?workspace_id=ws_1&timeframe=7d");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("ws_1")]
    [InlineData("*")]
    public async Task The_platform_scope_needs_a_star_grant(string workspaces)
    {
        using var response = await Service.ClientFor("ceo", workspaces).GetAsync($"{Overview}?workspace_id=all");
        Assert.Equal(workspaces == "*" ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary><c>start</c> is the gateway's (the earliest event over every service); the service holds it to the
    /// bounds of asOf, so that no caller can make a read walk centuries of weekly buckets.</summary>
    [Fact]
    public Task A_start_outside_the_bounds_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        from read in new[] { Overview, $"{Service.ApiPrefix}/earliest" }
        from time in HostileInputs.Times(DateTime.UtcNow)
        select Rows.Get(Service.Ceo, $"{read} start {time.Key}",
            $"{read}?workspace_id=all&timeframe=all&start={Uri.EscapeDataString(time.Value)}", "start"));

    [Fact]
    public Task A_start_within_the_bounds_is_read() => Rows.ExpectAllAsync(
        from time in HostileInputs.TimesWithin(DateTime.UtcNow)
        select Rows.Get(Service.Ceo, $"start {time.Key}",
            $"{Overview}?workspace_id=all&timeframe=all&start={Uri.EscapeDataString(time.Value)}", named: null, HttpStatusCode.OK));

    [Fact]
    public async Task Forged_altered_out_of_date_or_overlong_tokens_are_401_problems()
    {
        var forged = new ForgedTokens(TestIssuer.Everyone, TestIssuer.ServiceOnly);
        var (person, service) = forged.Genuine();
        // Their honest twins pass (the service's is authenticated, and only then refused the overview), so each 401
        // below is the forgery's.
        Assert.Equal(HttpStatusCode.OK, (await ReadWithAsync(person)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReadWithAsync(service)).Status);

        var mismatches = new List<string>();
        foreach (var (forgery, token) in forged.Refused())
        {
            var answer = await ReadWithAsync(token);
            if (answer is not (HttpStatusCode.Unauthorized, "application/problem+json"))
            {
                mismatches.Add($"{forgery}: {answer}");
            }
        }
        Assert.True(mismatches.Count == 0, $"Accepted or answered otherwise:\n{string.Join('\n', mismatches)}");
    }

    private async Task<(HttpStatusCode Status, string? Type)> ReadWithAsync(string token)
    {
        using var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync($"{Overview}?workspace_id=ws_1&timeframe=7d");
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("timeframe=1y")]
    [InlineData("asOf=yesterday")]
    [InlineData("asOf=2026-11-29T12:00:00")] // no offset
    public async Task A_bad_timeframe_or_asOf_is_a_400_problem(string query)
    {
        using var response = await Service.Ceo.GetAsync($"{Overview}?workspace_id=ws_1&{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
