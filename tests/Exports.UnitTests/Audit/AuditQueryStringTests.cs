using CsCheck;
using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.Exports.Model;

namespace ExecutiveDashboard.Exports.UnitTests.Audit;

public sealed class AuditQueryStringTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc);

    private static AuditQueryString Query(string? from = null, string? to = null, string? subject = null, string? outcome = null,
        string? workspaceId = null, string? limit = null, string? cursor = null) =>
        new(from, to, subject, outcome, workspaceId, limit, cursor);

    [Fact]
    public void Without_parameters_it_is_the_newest_50_of_everything_the_token_sees()
    {
        var (query, errors) = Query().Parse(Now);
        Assert.Empty(errors);
        Assert.Equal(new AuditQuery(null, null, null, null, null, 50, null), query);
    }

    [Fact]
    public void Every_parameter_is_read()
    {
        var (query, _) = Query("2026-12-01T00:00:00+01:00", "2026-12-06T00:00:00Z", "user-1", "throttled", "ws_a", "200",
            AuditCursor.Of(42)).Parse(Now);
        Assert.Equal(new AuditQuery(new DateTime(2026, 11, 30, 23, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc),
            "user-1", ExportOutcome.Throttled, "ws_a", 200, 42), query);
    }

    [Theory]
    [InlineData("limit", "0")]
    [InlineData("limit", "201")]
    [InlineData("limit", "-1")]
    [InlineData("limit", "+5")]
    [InlineData("limit", " 5")]
    [InlineData("limit", "5.0")]
    [InlineData("limit", "1e2")]
    [InlineData("limit", "99999999999999999999")]
    [InlineData("limit", "")]
    [InlineData("outcome", "OK")]
    [InlineData("outcome", "ok,denied")]
    [InlineData("outcome", "")]
    [InlineData("subject", "")]
    [InlineData("subject", "user\0")]
    [InlineData("subject", "user\n")]
    [InlineData("workspace_id", "*")]
    [InlineData("workspace_id", "ws_1' OR '1'='1")]
    [InlineData("workspace_id", "")]
    [InlineData("cursor", "")]
    [InlineData("cursor", "42")]
    [InlineData("from", "2026-12-01T00:00:00")]
    [InlineData("from", "1999-12-31T23:59:59Z")]
    [InlineData("from", "0001-01-01T00:00:00Z")]
    [InlineData("to", "9999-12-31T23:59:59Z")]
    [InlineData("to", "2026-12-08T00:00:00Z")]
    [InlineData("to", "yesterday")]
    public void A_value_the_parameter_does_not_take_is_an_error_naming_it(string parameter, string value)
    {
        var (query, errors) = (parameter switch
        {
            "limit" => Query(limit: value),
            "outcome" => Query(outcome: value),
            "subject" => Query(subject: value),
            "workspace_id" => Query(workspaceId: value),
            "cursor" => Query(cursor: value),
            "from" => Query(from: value),
            _ => Query(to: value),
        }).Parse(Now);
        Assert.Null(query);
        Assert.Equal([parameter], errors.Keys);
    }

    [Fact]
    public void A_subject_longer_than_any_stored_one_is_an_error() =>
        Assert.Equal(["subject"], Query(subject: new string('s', AuditText.MaxLength + 1)).Parse(Now).Errors.Keys);

    [Theory]
    [InlineData("2026-12-05T00:00:00Z", "2026-12-05T00:00:00Z")]
    [InlineData("2026-12-05T00:00:01Z", "2026-12-05T00:00:00Z")]
    public void To_must_be_later_than_from(string from, string to) =>
        Assert.Equal(["to"], Query(from, to).Parse(Now).Errors.Keys);

    [Fact]
    public void Any_text_in_any_parameter_is_read_or_refused_never_thrown()
    {
        var text = Gen.OneOf<string?>(Gen.String.Select(s => (string?)s),
            Gen.OneOf<string?>(null, "ok", "ws_a", "all", "*", "1", "200", "2026-12-01T00:00:00Z", AuditCursor.Of(7)));
        Gen.Select(text, text, text, text, text, text, text)
            .Select(p => Query(p.Item1, p.Item2, p.Item3, p.Item4, p.Item5, p.Item6, p.Item7))
            .Sample(queryString =>
            {
                var (query, errors) = queryString.Parse(Now);
                Assert.True(query is null != (errors.Count == 0));
            }, iter: 5000);
    }
}
