using System.Net;
using System.Text.Json.Nodes;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// Who may not export, through the gateway: no token 401, a member 403, a ceo of one workspace asking another or the
/// whole platform 403, bad parameters 400, each an RFC 7807 problem; and each refusal is in the audit, as an admin of
/// <c>*</c> reads it, under the id the answer named, with its outcome, status and the request as it was sent.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ExportsRefusalsTests(DashboardApp app)
{
    private const string Own = "exp_ref_a", Other = "exp_ref_b", UserAgent = "exports-e2e/1.0";

    [Fact]
    public async Task Every_refusal_is_a_problem_and_is_audited_with_its_outcome()
    {
        var admin = await app.SignInAsync("admin", "*");

        // No token: nobody to filter by, so the request names a workspace of its own.
        var nobody = $"exp_anon_{Guid.NewGuid():N}";
        using var anonymous = new HttpClient { BaseAddress = app.Gateway.BaseAddress };
        anonymous.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        var unauthenticated = await ExportAnswer.GetAsync(anonymous, $"workspace_id={nobody}&timeframe=7d&format=csv");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.Status);
        unauthenticated.Problem();
        var record = Assert.Single(await ExportsAudit.ListAsync(admin, $"workspace_id={nobody}"));
        AssertRecord(record, unauthenticated, "denied", 401, nobody, "7d", "csv");
        Assert.Null(record["subject"]?.GetValue<string>());
        Assert.Null(record["role"]?.GetValue<string>());
        Assert.Empty(record["tokenWorkspaces"]!.AsArray());

        var member = await app.SignInAsync("member", Own);
        member.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        var forbidden = await ExportAnswer.GetAsync(member, $"workspace_id={Own}&timeframe=7d&format=pdf");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        forbidden.Problem();
        record = Assert.Single(await ExportsAudit.ListAsync(admin, ExportsAudit.BySubject(member)));
        AssertRecord(record, forbidden, "denied", 403, Own, "7d", "pdf");
        Assert.Equal(("member", "E2E member"), ((string?)record["role"], (string?)record["name"]));
        Assert.Equal([Own], record["tokenWorkspaces"]!.AsArray().Select(w => (string?)w));

        // One ceo of one workspace, five refusals: two scopes it does not cover, three bad parameters.
        var ceo = await app.SignInAsync("ceo", Own);
        ceo.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        var cases = new (string Query, HttpStatusCode Status, string Outcome, string? Scope, string? Timeframe, string? Format, string? Field)[]
        {
            ($"workspace_id={Other}&timeframe=30d&format=pdf", HttpStatusCode.Forbidden, "denied", Other, "30d", "pdf", null),
            ("workspace_id=all&timeframe=30d&format=csv", HttpStatusCode.Forbidden, "denied", "all", "30d", "csv", null),
            ($"workspace_id={Own}&timeframe=7d&format=xlsx", HttpStatusCode.BadRequest, "invalid", Own, "7d", "xlsx", "format"),
            ($"workspace_id={Own}&timeframe=1y&format=csv", HttpStatusCode.BadRequest, "invalid", Own, "1y", "csv", "timeframe"),
            ($"workspace_id={Own}&timeframe=7d&format=csv&asOf=yesterday", HttpStatusCode.BadRequest, "invalid", Own, "7d", "csv", "asOf"),
        };
        var answers = new List<ExportAnswer>();
        foreach (var (query, status, _, _, _, _, field) in cases)
        {
            var answer = await ExportAnswer.GetAsync(ceo, query);
            Assert.True(answer.Status == status, $"{query}: {answer}");
            var problem = answer.Problem();
            if (field is not null)
            {
                Assert.True(problem["errors"]?[field] is JsonArray, $"{query}: the problem does not name '{field}': {problem.ToJsonString()}");
            }
            answers.Add(answer);
        }

        // Newest first: the reverse of the order they were sent in.
        var records = await ExportsAudit.ListAsync(admin, ExportsAudit.BySubject(ceo));
        Assert.Equal(answers.Select(a => a.AuditId).Reverse(), records.Select(r => Guid.Parse((string)r["id"]!)));
        foreach (var ((_, status, outcome, scope, timeframe, format, _), answer) in cases.Zip(answers))
        {
            var stored = Assert.Single(records, r => Guid.Parse((string)r["id"]!) == answer.AuditId);
            AssertRecord(stored, answer, outcome, (int)status, scope, timeframe, format);
            Assert.Equal(("ceo", "E2E ceo", ExportsAudit.SubjectOf(ceo)), ((string?)stored["role"], (string?)stored["name"], (string?)stored["subject"]));
        }
    }

    /// <summary>A refusal's record: what was asked, how it ended, and no file.</summary>
    private static void AssertRecord(JsonObject record, ExportAnswer answer, string outcome, int status, string? scope, string? timeframe, string? format)
    {
        Assert.Equal(answer.AuditId, Guid.Parse((string)record["id"]!));
        Assert.Equal((outcome, status), ((string?)record["outcome"], record["status"]!.GetValue<int>()));
        Assert.Equal((scope, timeframe, format), ((string?)record["scope"], (string?)record["timeframe"], (string?)record["format"]));
        Assert.Null(record["bytes"]?.GetValue<long>());
        Assert.Null(record["sha256"]?.GetValue<string>());
        Assert.Equal(UserAgent, (string?)record["userAgent"]);
        Assert.False(string.IsNullOrEmpty((string?)record["clientAddress"]), "no client address");
        Assert.Matches("^[0-9a-f]{64}$", (string?)record["hash"]);
        Assert.True(record["at"] is JsonValue && record["durationMs"]!.GetValue<long>() >= 0, record.ToJsonString());
    }
}
