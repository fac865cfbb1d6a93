using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit;
using static ExecutiveDashboard.TestSupport.HostileInputs;

namespace ExecutiveDashboard.TestSupport;

/// <summary>An endpoint that takes a JSON body, a body it accepts (sent with other content types too), and well-formed
/// bodies with values it must refuse, each with the field the problem must name.</summary>
/// <param name="ValidStatus">What the valid body is answered: 200, or 201 where it creates something.</param>
public sealed record BodyEndpoint(HttpMethod Method, string Path, string ValidBody,
    IReadOnlyDictionary<string, (string Body, string Field)>? InvalidValues = null, HttpStatusCode ValidStatus = HttpStatusCode.OK)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// The hostile-parameter table (<see cref="HostileInputs"/>) against one real server: every read refuses each hostile
/// query with a 400 problem naming the parameter, every body endpoint each malformed body with a 400 (415 for another
/// content type), and no query string at all gets a 5xx. Each service's integration tests run it through a subclass, and
/// so do the gateway's. The rows of a table are checked in one test, so a server is started once per table, and a failure
/// lists every row that failed.
/// </summary>
public abstract class HostileInputTable
{
    /// <summary>A ceo token with the platform grant <c>*</c>: whatever it is refused, it is not for lack of rights.</summary>
    protected abstract HttpClient Reader { get; }

    /// <summary>Paths that take <c>workspace_id</c>, <c>timeframe</c> and <c>asOf</c>.</summary>
    protected abstract IReadOnlyList<string> Reads { get; }

    protected abstract IReadOnlyList<BodyEndpoint> BodyEndpoints { get; }

    /// <summary>The server's now, for the time bounds.</summary>
    protected virtual DateTime Now => DateTime.UtcNow;

    [Fact]
    public Task A_hostile_workspace_id_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        from read in Reads
        from row in WorkspaceIds.Select(w => (w.Key, Value: Uri.EscapeDataString(w.Value))).Concat(EncodedWorkspaceIds.Select(w => (w.Key, w.Value)))
        select Get($"{read} workspace_id {row.Key}", $"{read}?workspace_id={row.Value}&timeframe=7d", "workspace_id"));

    [Fact]
    public Task An_asOf_outside_the_bounds_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        from read in Reads
        from time in Times(Now)
        select Get($"{read} asOf {time.Key}", $"{read}?workspace_id=ws_1&timeframe=7d&asOf={Uri.EscapeDataString(time.Value)}", "asOf"));

    [Fact]
    public Task An_asOf_at_the_bounds_is_read() => Rows.ExpectAllAsync(
        from read in Reads
        from timeframe in new[] { "24h", "all" }
        from scope in new[] { "ws_1", "all" }
        from time in TimesWithin(Now)
        select Get($"{read} {scope} {timeframe} asOf {time.Key}",
            $"{read}?workspace_id={scope}&timeframe={timeframe}&asOf={Uri.EscapeDataString(time.Value)}", named: null, HttpStatusCode.OK));

    [Fact]
    public Task A_nonsense_timeframe_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        from read in Reads
        from timeframe in Timeframes
        select Get($"{read} timeframe {timeframe.Key}", $"{read}?workspace_id=ws_1&timeframe={Uri.EscapeDataString(timeframe.Value)}", "timeframe"));

    [Fact]
    public Task A_parameter_given_twice_is_a_400_problem_naming_it() => Rows.ExpectAllAsync(
        from read in Reads
        from query in Repeated
        select Get($"{read} {query.Key} twice", $"{read}?{query.Value.Query}", query.Value.Parameter));

    [Fact]
    public Task A_malformed_body_is_a_400_problem() => Rows.ExpectAllAsync(
        from endpoint in BodyEndpoints
        from body in MalformedBodies
        select Send($"{endpoint} {body.Key}", endpoint, body.Value, HttpStatusCode.BadRequest));

    [Fact]
    public Task A_body_of_another_content_type_is_a_415_problem() => Rows.ExpectAllAsync(
        from endpoint in BodyEndpoints
        from type in WrongContentTypes
        select Send($"{endpoint} {type.Key}", endpoint, new RawBody(Encoding.UTF8.GetBytes(endpoint.ValidBody), type.Value),
            HttpStatusCode.UnsupportedMediaType));

    [Fact]
    public Task A_body_with_a_value_out_of_its_rules_is_a_400_problem_naming_the_field() => Rows.ExpectAllAsync(
        from endpoint in BodyEndpoints
        from invalid in endpoint.InvalidValues ?? new Dictionary<string, (string, string)>()
        select Send($"{endpoint} {invalid.Key}", endpoint, Json(invalid.Value.Body), HttpStatusCode.BadRequest, invalid.Value.Field));

    [Fact]
    public Task The_valid_bodies_of_the_table_are_accepted() => Rows.ExpectAllAsync(
        from endpoint in BodyEndpoints
        select Send($"{endpoint} valid", endpoint, Json(endpoint.ValidBody), endpoint.ValidStatus));

    /// <summary>Random query strings (names and values of the table, and random bytes, percent-encoded) on every read:
    /// whatever is refused is a 4xx problem, and nothing is a 5xx.</summary>
    [Fact]
    public async Task No_query_string_gets_a_5xx()
    {
        var names = Gen.OneOf<string>(Gen.OneOf<string>("workspace_id", "timeframe", "asOf", "start", "state", "sections", "WORKSPACE_ID"), RandomText);
        var values = Gen.OneOf<string>(
            Gen.OneOf<string>([.. WorkspaceIds.Values, .. Times(Now).Values, .. Timeframes.Values, "ws_1", "all", "24h", "7d", "active"]),
            RandomText);
        var pair = Gen.Select(names, values, (name, value) => $"{Encode(name)}={Encode(value)}");
        var query = Gen.Select(Gen.OneOf<string>([.. Reads]), pair.Array[0, 6], (read, pairs) => $"{read}?{string.Join('&', pairs)}");

        await query.SampleAsync(async pathAndQuery =>
        {
            using var response = await Reader.GetAsync(pathAndQuery);
            var failure = await Rows.ProblemFailureAsync(response, expected: null, named: null);
            Assert.True(failure is null, $"{pathAndQuery}: {failure}");
        }, iter: 300, threads: 1);
    }

    private Func<Task<string?>> Get(string name, string pathAndQuery, string? named, HttpStatusCode expected = HttpStatusCode.BadRequest) =>
        Rows.Get(Reader, name, pathAndQuery, named, expected);

    private Func<Task<string?>> Send(string name, BodyEndpoint endpoint, RawBody body, HttpStatusCode expected, string? named = null) =>
        async () =>
        {
            using var request = new HttpRequestMessage(endpoint.Method, endpoint.Path) { Content = body.ToContent() };
            using var response = await Reader.SendAsync(request);
            return await Rows.ProblemFailureAsync(response, expected, named) is { } failure ? $"{name}: {failure}" : null;
        };
}
