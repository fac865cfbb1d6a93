using System.Net;
using CsCheck;
using ExecutiveDashboard.Exports.Audit;
using ExecutiveDashboard.TestSupport;
using static ExecutiveDashboard.TestSupport.HostileInputs;

namespace ExecutiveDashboard.Exports.IntegrationTests;

/// <summary>What a client may put in the audit's query string: every value a parameter does not take is a 400 problem
/// naming it, and no query string at all gets anything but a 200 or a 400, for a reader whom no scope is refused.</summary>
[Collection(ServersCollection.Name)]
public sealed class AuditHostileInputTests(ExportsServersFixture servers) : ServiceTests<ExportsService>(servers)
{
    private const string Audit = "/api/exports/audit";

    private static readonly string[] Parameters = ["from", "to", "subject", "outcome", "workspace_id", "limit", "cursor"];

    /// <summary>Per parameter, values it must refuse, already percent-encoded where they are not text.</summary>
    private IEnumerable<(string Parameter, string Name, string Query)> Refused()
    {
        foreach (var parameter in new[] { "from", "to" })
        {
            foreach (var (name, value) in Times(Service.Now))
            {
                yield return (parameter, name, Uri.EscapeDataString(value));
            }
        }
        foreach (var (name, value) in WorkspaceIds)
        {
            yield return ("workspace_id", name, Uri.EscapeDataString(value));
        }
        foreach (var (name, value) in EncodedWorkspaceIds)
        {
            yield return ("workspace_id", name, value);
        }
        foreach (var value in new[] { "", "0", "201", "-1", "+5", "1e2", "5.0", " 5", "99999999999999999999999", "NaN", "٥" })
        {
            yield return ("limit", $"'{value}'", Uri.EscapeDataString(value));
        }
        foreach (var value in new[] { "", "OK", "ok,denied", "ok ", "*", "ok\0", new string('o', 2000) })
        {
            yield return ("outcome", $"{value.Length} characters '{value[..Math.Min(value.Length, 10)]}'", Uri.EscapeDataString(value));
        }
        foreach (var value in new[] { "", "user\0", "user\r\nX-Injected: yes", "\u0001", new string('s', AuditText.MaxLength + 1) })
        {
            yield return ("subject", $"{value.Length} characters", Uri.EscapeDataString(value));
        }
        yield return ("subject", "an encoded NUL", "user%00");
        foreach (var value in new[] { "", "1", "AAAAAAAAAAA", "AAAAAAAAAAF", "AAAAAAAAAAE=", " AAAAAAAAAAE", "../..", new string('A', 2000) })
        {
            yield return ("cursor", $"'{value[..Math.Min(value.Length, 12)]}'", Uri.EscapeDataString(value));
        }
        yield return ("cursor", "invalid UTF-8", "%FF%FE");
    }

    [Fact]
    public Task A_value_a_parameter_does_not_take_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        from row in Refused()
        select Rows.Get(Service.Ceo, $"{row.Parameter} {row.Name}", $"{Audit}?{row.Parameter}={row.Query}", row.Parameter));

    [Fact]
    public Task A_to_not_later_than_from_is_a_400_problem_naming_to() => Rows.ExpectAllAsync(
    [
        Rows.Get(Service.Ceo, "equal", $"{Audit}?from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z", "to"),
        Rows.Get(Service.Ceo, "earlier", $"{Audit}?from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00%2B01:00", "to"),
    ]);

    [Fact]
    public Task A_parameter_given_twice_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        from parameter in Parameters
        select Rows.Get(Service.Ceo, parameter, $"{Audit}?{parameter}=a&{parameter.ToUpperInvariant()}=b", parameter));

    [Fact]
    public Task Values_at_the_edges_are_read() => Rows.ExpectAllAsync(
        from query in new[]
        {
            "limit=1", "limit=200", "limit=007", $"from={Uri.EscapeDataString(IngestJson.Iso(Service.Now.AddHours(23)))}",
            "from=2000-01-01T00:00:00Z", "to=2000-01-01T00:00:01Z", $"subject={new string('s', AuditText.MaxLength)}",
            "subject=%F0%9F%98%80", "workspace_id=all", $"workspace_id={new string('a', 128)}", $"cursor={AuditCursor.Of(long.MaxValue)}",
            "unknown=ignored",
        }
        select Rows.Get(Service.Ceo, query, $"{Audit}?{query}", named: null, HttpStatusCode.OK));

    /// <summary>Random query strings (the parameters' names and values of the tables, and random text, percent-encoded as
    /// UTF-8) over an audit with records in it.</summary>
    [Fact]
    public async Task No_query_string_gets_anything_but_a_200_or_a_400_problem()
    {
        await Service.Audit.AppendAsync(AuditEntries.Export("ws_a"), CancellationToken.None);
        using var reader = Service.Ceo;
        var names = Gen.OneOf<string>(Gen.OneOf<string>([.. Parameters, "LIMIT", "Workspace_Id"]), RandomText);
        var values = Gen.OneOf<string>(
            Gen.OneOf<string>([.. WorkspaceIds.Values, .. Times(Service.Now).Values, "ws_a", "all", "ok", "denied", "user-1", "50", "0",
                "2026-12-01T00:00:00Z", AuditCursor.Of(1), AuditCursor.Of(long.MaxValue), "-1", "9223372036854775808"]),
            RandomText);
        var pair = Gen.Select(names, values, (name, value) => $"{Encode(name)}={Encode(value)}");
        var query = pair.Array[0, 8].Select(pairs => $"{Audit}?{string.Join('&', pairs)}");

        await query.SampleAsync(async pathAndQuery =>
        {
            using var response = await reader.GetAsync(pathAndQuery);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
                $"{pathAndQuery}: {(int)response.StatusCode}");
            var failure = await Rows.ProblemFailureAsync(response, expected: null, named: null);
            Assert.True(failure is null, $"{pathAndQuery}: {failure}");
        }, iter: 400, threads: 1);
    }
}
