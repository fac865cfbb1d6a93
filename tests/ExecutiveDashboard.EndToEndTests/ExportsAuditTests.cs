using System.Net;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// The exports audit through the gateway: a ceo of one workspace reads only that workspace's records, a served file's
/// record holds its size and digest, and the chain over every record the app has written verifies, for a token of
/// <c>*</c> only.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ExportsAuditTests(DashboardApp app)
{
    private const string A = "exp_aud_a", B = "exp_aud_b", AsOf = "2026-06-01T00:00:00Z";

    [Fact]
    public async Task A_ceo_reads_only_the_records_of_their_workspace()
    {
        var ceoA = await app.SignInAsync("ceo", A);
        var ceoB = await app.SignInAsync("ceo", B);
        var mine = await ExportAnswer.GetAsync(ceoA, $"workspace_id={A}&timeframe=7d&format=csv&asOf={AsOf}");
        var theirs = await ExportAnswer.GetAsync(ceoB, $"workspace_id={B}&timeframe=7d&format=csv&asOf={AsOf}");
        var refused = await ExportAnswer.GetAsync(ceoA, $"workspace_id={B}&timeframe=7d&format=csv&asOf={AsOf}");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden), (mine.Status, theirs.Status, refused.Status));

        var seen = await ExportsAudit.ListAsync(ceoA, "");
        Assert.NotEmpty(seen);
        Assert.All(seen, r => Assert.Equal(A, (string?)r["scope"]));
        var ids = seen.Select(r => Guid.Parse((string)r["id"]!)).ToHashSet();
        Assert.Contains(mine.AuditId, ids);
        Assert.DoesNotContain(theirs.AuditId, ids);
        Assert.DoesNotContain(refused.AuditId, ids); // its scope is B, which the token does not cover

        var record = await ExportsAudit.RecordAsync(ceoA, ExportsAudit.BySubject(ceoA), mine.AuditId);
        Assert.Equal(("ok", 200, "csv", "7d"), ((string?)record["outcome"], record["status"]!.GetValue<int>(), (string?)record["format"], (string?)record["timeframe"]));
        Assert.Equal(((long)mine.Body.Length, mine.Sha256), (record["bytes"]!.GetValue<long>(), (string?)record["sha256"]));
        Assert.Null(ExportCsvRows.Mismatch(System.Text.Json.Nodes.JsonValue.Create(AsOf), (string)record["asOf"]!));

        // Asking for another workspace's records is refused, not answered empty.
        using var other = await ceoA.GetAsync($"{ExportsAudit.Path}?workspace_id={B}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var member = await (await app.SignInAsync("member", A)).GetAsync(ExportsAudit.Path);
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        using var anonymous = await app.Gateway.GetAsync(ExportsAudit.Path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_chain_of_every_record_verifies_for_a_token_of_star_only()
    {
        var admin = await app.SignInAsync("admin", "*");
        var ceo = await app.SignInAsync("ceo", A);
        Assert.Equal(HttpStatusCode.OK, (await ExportAnswer.GetAsync(ceo, $"workspace_id={A}&timeframe=24h&format=csv&asOf={AsOf}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ExportAnswer.GetAsync(ceo, "workspace_id=all&timeframe=24h&format=csv")).Status);

        var verification = await ExportsAudit.VerifyAsync(admin);
        // Nothing exports while this test runs (the collection runs one test at a time): every record, page by page.
        var all = await ExportsAudit.ListAsync(admin, "", limit: 7);
        Assert.True((bool)verification["valid"]!, verification.ToJsonString());
        Assert.Null((string?)verification["firstInvalidId"]);
        Assert.Equal(all.Count, verification["records"]!.GetValue<long>());
        Assert.Equal(all.Count, all.Select(r => (string)r["id"]!).Distinct().Count());

        foreach (var caller in new[] { ceo, await app.SignInAsync("admin", A) })
        {
            using var refused = await caller.GetAsync($"{ExportsAudit.Path}/verify");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }
}
