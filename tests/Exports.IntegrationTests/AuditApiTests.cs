using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Exports.Model;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary><c>GET /api/exports/audit</c> and <c>/verify</c> over records appended by the service's own audit, one a
/// minute of the test's clock.</summary>
[Collection(ServersCollection.Name)]
public sealed class AuditApiTests(ExportsServersFixture servers) : ServiceTests<ExportsService>(servers)
{
    private const string Audit = "/api/exports/audit";

    [Theory]
    [InlineData(5, 4)]
    [InlineData(7, 3)]
    [InlineData(20, 1)]
    [InlineData(1, 20)]
    public async Task Pages_give_every_record_once_newest_first(int limit, int pages)
    {
        var records = await AppendAsync(Enumerable.Range(0, 20).Select(i => AuditEntries.Export($"ws_{i % 3}")));

        var read = await ReadAllAsync(Service.Ceo, $"limit={limit}");

        Assert.Equal(records.Select(r => r.Id).Reverse(), read.Records.Select(r => r.Id));
        Assert.Equal(pages, read.Pages);
        Assert.Equal(records.Select(r => r.Stored()).Reverse(), read.Records.Select(r => r.Stored()));
    }

    [Fact]
    public async Task A_page_is_50_records_unless_asked()
    {
        await AppendAsync(Enumerable.Range(0, 51).Select(_ => AuditEntries.Export("ws_a")));

        var first = await ListAsync(Service.Ceo, "");
        Assert.Equal(50, first.Items.Count);
        Assert.Single((await ListAsync(Service.Ceo, $"cursor={first.Next}")).Items);
    }

    [Fact]
    public async Task Each_filter_keeps_only_its_records_and_filters_combine_with_paging()
    {
        var records = await AppendAsync(Mixed());
        var from = records[3].At;
        var to = records[9].At;

        await ExpectAsync($"subject=user-2", records.Where(r => r.Subject == "user-2"));
        await ExpectAsync($"outcome={ExportOutcome.Denied}", records.Where(r => r.Outcome == ExportOutcome.Denied));
        await ExpectAsync("workspace_id=ws_b", records.Where(r => r.Scope == "ws_b"));
        await ExpectAsync("workspace_id=all", records.Where(r => r.Scope == "all"));
        await ExpectAsync($"from={Iso(from)}", records.Skip(3));
        await ExpectAsync($"to={Iso(to)}", records.Take(9));
        await ExpectAsync($"from={Iso(from)}&to={Iso(to)}&subject=user-1&limit=1",
            records.Skip(3).Take(6).Where(r => r.Subject == "user-1"));
        await ExpectAsync("subject=nobody", []);
    }

    [Theory]
    [InlineData(Roles.Ceo, "ws_a", new[] { "ws_a" })]
    [InlineData(Roles.Admin, "ws_a ws_b", new[] { "ws_a", "ws_b" })]
    [InlineData(Roles.Ceo, "ws_a all", new[] { "ws_a" })]
    [InlineData(Roles.Ceo, "ws_c", new string[0])]
    public async Task A_token_sees_only_the_records_of_its_own_workspaces(string role, string workspaces, string[] visible)
    {
        var records = await AppendAsync(Mixed());
        using var client = Service.ClientFor(role, workspaces);

        var read = await ReadAllAsync(client, "limit=3");

        Assert.Equal(records.Where(r => visible.Contains(r.Scope)).Select(r => r.Id).Reverse(), read.Records.Select(r => r.Id));
    }

    [Fact]
    public async Task The_platform_grant_sees_every_record_also_of_all_and_of_none()
    {
        var records = await AppendAsync(Mixed());
        using var admin = Service.ClientFor(Roles.Admin, WorkspaceAccess.Everything);

        var read = await ReadAllAsync(admin, "limit=4");

        Assert.Equal(records.Select(r => r.Id).Reverse(), read.Records.Select(r => r.Id));
        Assert.Contains(read.Records, r => r.Scope is null);
        Assert.Contains(read.Records, r => r.Scope == "all");
    }

    [Theory]
    [InlineData("ws_a", "ws_b")]
    [InlineData("ws_a", "all")]
    [InlineData("ws_a all", "all")]
    public async Task Asking_for_a_workspace_the_token_does_not_cover_is_refused(string workspaces, string asked)
    {
        await AppendAsync(Mixed());
        using var client = Service.ClientFor(Roles.Ceo, workspaces);
        using var response = await client.GetAsync($"{Audit}?workspace_id={asked}");
        Assert.Null(await Rows.ProblemFailureAsync(response, HttpStatusCode.Forbidden, named: null));
    }

    [Theory]
    [InlineData(Audit)]
    [InlineData($"{Audit}/verify")]
    public async Task Members_other_roles_and_callers_without_a_token_are_refused(string path)
    {
        using var member = Service.ClientFor(Roles.Member, WorkspaceAccess.Everything);
        using var ingest = Service.ClientFor(Roles.Ingest, WorkspaceAccess.Everything);
        using var anonymous = Service.CreateClient();
        await Rows.ExpectAllAsync(
        [
            Rows.Get(member, "member", path, null, HttpStatusCode.Forbidden),
            Rows.Get(ingest, "ingest", path, null, HttpStatusCode.Forbidden),
            Rows.Get(anonymous, "no token", path, null, HttpStatusCode.Unauthorized),
        ]);
    }

    [Theory]
    [InlineData(Roles.Ceo, "ws_a", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, "ws_a ws_b all", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Ceo, "*", HttpStatusCode.OK)]
    [InlineData(Roles.Admin, "*", HttpStatusCode.OK)]
    public async Task Verify_needs_the_platform_grant(string role, string workspaces, HttpStatusCode expected)
    {
        await AppendAsync(Mixed());
        using var client = Service.ClientFor(role, workspaces);
        using var response = await client.GetAsync($"{Audit}/verify");
        Assert.Null(await Rows.ProblemFailureAsync(response, expected, named: null));
    }

    [Fact]
    public async Task Records_are_json_with_the_fields_of_the_spec_in_its_order()
    {
        var record = (await AppendAsync([AuditEntries.Export("ws_a")]))[0];

        var page = JsonNode.Parse(await Service.Ceo.GetStringAsync(Audit))!.AsObject();

        Assert.Equal(["items", "next"], page.Select(p => p.Key));
        Assert.Null(page["next"]);
        var item = Assert.Single(page["items"]!.AsArray())!.AsObject();
        Assert.Equal(
            ["id", "at", "subject", "name", "role", "tokenWorkspaces", "scope", "timeframe", "asOf", "format", "outcome", "status",
             "bytes", "sha256", "durationMs", "clientAddress", "userAgent", "hash", "channel"],
            item.Select(p => p.Key));
        Assert.Equal("download", (string?)item["channel"]);
        Assert.Equal(record.Id.ToString(), (string?)item["id"]);
        Assert.Equal(record.Hash, (string?)item["hash"]);
        Assert.Equal("2026-12-01T00:00:00Z", (string?)item["asOf"]);
    }

    [Fact]
    public async Task Verify_answers_the_count_and_validity_as_json()
    {
        await AppendAsync(Mixed());
        var verification = JsonNode.Parse(await Service.Ceo.GetStringAsync($"{Audit}/verify"))!.AsObject();
        Assert.Equal("""{"records":12,"valid":true,"firstInvalidId":null}""", verification.ToJsonString());
    }

    /// <summary>Twelve records: scopes ws_a, ws_b, all and none in turn, subjects user-1 and user-2 in turn (so each scope
    /// has both), every fourth denied.</summary>
    private static IEnumerable<AuditEntry> Mixed() =>
        Enumerable.Range(0, 12).Select(i => AuditEntries.Export(
            (i % 4) switch { 0 => "ws_a", 1 => "ws_b", 2 => "all", _ => null },
            subject: i % 3 == 0 ? "user-2" : "user-1",
            outcome: i % 4 == 1 ? ExportOutcome.Denied : ExportOutcome.Ok));

    private async Task<AuditRecord[]> AppendAsync(IEnumerable<AuditEntry> entries)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in entries)
        {
            Service.Clock.Advance(TimeSpan.FromMinutes(1));
            records.Add(await Service.Audit.AppendAsync(entry, CancellationToken.None));
        }
        return [.. records];
    }

    private async Task ExpectAsync(string query, IEnumerable<AuditRecord> expected)
    {
        var read = await ReadAllAsync(Service.Ceo, query);
        Assert.Equal(expected.Select(r => r.Id).Reverse(), read.Records.Select(r => r.Id));
    }

    private static string Iso(DateTime at) =>
        Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    private static async Task<AuditPage> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"{Audit}?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuditPage>())!;
    }

    /// <summary>Every page of a query, following each page's next until there is none.</summary>
    private static async Task<(List<AuditRecord> Records, int Pages)> ReadAllAsync(HttpClient client, string query)
    {
        var records = new List<AuditRecord>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await ListAsync(client, cursor is null ? query : $"{query}&cursor={cursor}");
            pages++;
            Assert.True(pages <= 100, "the pages never end");
            records.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);
        return (records, pages);
    }
}
