using System.Text;
using CsCheck;

namespace ExecutiveDashboard.TestSupport;

/// <summary>
/// The hostile-parameter table: what a client (careless or not) may put in a read's query string or a
/// request's body. Every service and the gateway must answer each with a 4xx RFC 7807 problem, never a 5xx. Each value
/// is named, so a failure says which one.
/// </summary>
public static class HostileInputs
{
    /// <summary><c>workspace_id</c> values that are neither an id nor <c>all</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> WorkspaceIds = new Dictionary<string, string>
    {
        ["the platform's storage key '*'"] = "*",
        ["a quote"] = "ws_1'",
        ["a double quote"] = "\"ws_1\"",
        ["CRLF"] = "ws_1\r\nX-Injected: yes",
        ["a path"] = "../..",
        ["2,000 characters"] = new('a', 2000),
        ["129 characters"] = new('a', 129),
        ["NUL"] = "ws\0_1",
        ["empty"] = "",
        ["a space"] = " ",
        ["a comma-joined pair"] = "ws_1,ws_2",
        ["a letter outside ASCII"] = "wş_1",
        ["a SQL fragment"] = "ws_1' OR '1'='1",
    };

    /// <summary><c>workspace_id</c> values already percent-encoded, for bytes that are not text.</summary>
    public static readonly IReadOnlyDictionary<string, string> EncodedWorkspaceIds = new Dictionary<string, string>
    {
        ["invalid UTF-8"] = "%FF%FE",
        ["an encoded surrogate"] = "%ED%A0%80",
        ["an encoded NUL"] = "ws%00",
    };

    /// <summary>Times outside <c>Bounds</c> or not times at all, for <c>asOf</c> and <c>start</c>; <paramref name="now"/>
    /// is the server's.</summary>
    public static IReadOnlyDictionary<string, string> Times(DateTime now) => new Dictionary<string, string>
    {
        ["year 1"] = "0001-01-01T00:00:00Z",
        ["year 9999"] = "9999-12-31T23:59:59Z",
        ["past the last instant with an offset"] = "9999-12-31T23:59:59-01:00",
        ["just before 2000"] = "1999-12-31T23:59:59Z",
        ["two days ahead"] = IngestJson.Iso(now.AddDays(2)),
        ["no offset"] = "2026-11-29T12:00:00",
        ["a word"] = "yesterday",
        ["a number"] = "1735689600",
        ["empty"] = "",
        ["2,000 characters"] = new('9', 2000),
        ["NUL"] = "2026-11-29T12:00:00Z\0",
    };

    /// <summary>The bounds themselves, which must be read like any other time.</summary>
    public static IReadOnlyDictionary<string, string> TimesWithin(DateTime now) => new Dictionary<string, string>
    {
        ["2000-01-01"] = "2000-01-01T00:00:00Z",
        ["23 hours ahead"] = IngestJson.Iso(now.AddHours(23)),
    };

    public static readonly IReadOnlyDictionary<string, string> Timeframes = new Dictionary<string, string>
    {
        ["a year"] = "1y",
        ["empty"] = "",
        ["upper case"] = "ALL",
        ["two joined"] = "7d,24h",
        ["a negative number"] = "-1",
        ["NUL"] = "7d\0",
        ["2,000 characters"] = new('d', 2000),
    };

    /// <summary>Query strings that give a parameter twice (names compared without case, as binding compares them), and
    /// the parameter the problem must name.</summary>
    public static readonly IReadOnlyDictionary<string, (string Parameter, string Query)> Repeated = new Dictionary<string, (string, string)>
    {
        ["workspace_id"] = ("workspace_id", "workspace_id=ws_1&workspace_id=ws_2&timeframe=7d"),
        ["workspace_id in two cases"] = ("workspace_id", "workspace_id=ws_1&WORKSPACE_ID=all&timeframe=7d"),
        ["the same workspace_id"] = ("workspace_id", "workspace_id=ws_1&workspace_id=ws_1&timeframe=7d"),
        ["timeframe"] = ("timeframe", "workspace_id=ws_1&timeframe=7d&timeframe=all"),
        ["asOf"] = ("asOf", "workspace_id=ws_1&timeframe=7d&asOf=2026-11-29T12:00:00Z&asOf=2026-11-30T12:00:00Z"),
    };

    /// <summary>A valid body of <c>POST /api/{executions,billing}/signals</c>.</summary>
    public const string ValidSignalsQuery = """{ "scopes": ["ws_1", "all"], "asOf": "2026-11-29T12:00:00Z" }""";

    /// <summary>Signals queries with a scope or an asOf a read would refuse, and the field the problem names.</summary>
    public static readonly IReadOnlyDictionary<string, (string Body, string Field)> InvalidSignalsQueries =
        new Dictionary<string, (string, string)>
        {
            ["the platform's storage key"] = ("""{ "scopes": ["ws_1", "*"] }""", "scopes[1]"),
            ["a NUL in a scope"] = ("""{ "scopes": ["ws\u0000_1"] }""", "scopes[0]"),
            ["a path"] = ("""{ "scopes": ["../.."] }""", "scopes[0]"),
            ["2,000 characters"] = ($$"""{ "scopes": ["{{new string('a', 2000)}}"] }""", "scopes[0]"),
            ["an empty scope"] = ("""{ "scopes": [""] }""", "scopes[0]"),
            ["a null scope"] = ("""{ "scopes": ["ws_1", null] }""", "scopes[1]"),
            ["no scopes"] = ("""{ "asOf": "2026-11-29T12:00:00Z" }""", "scopes"),
            ["asOf year 1"] = ("""{ "scopes": ["all"], "asOf": "0001-01-01T00:00:00Z" }""", "asOf"),
            ["asOf year 9999"] = ("""{ "scopes": ["all"], "asOf": "9999-12-31T23:59:59Z" }""", "asOf"),
            ["asOf without an offset"] = ("""{ "scopes": ["all"], "asOf": "2026-11-29T12:00:00" }""", "asOf"),
            ["negative days"] = ("""{ "scopes": ["all"], "days": -1 }""", "days"),
            ["more days than a goal reads"] = ("""{ "scopes": ["all"], "days": 31 }""", "days"),
        };

    /// <summary>A body as sent: its bytes and content type (null: no Content-Type header).</summary>
    public sealed record RawBody(byte[] Bytes, string? ContentType)
    {
        public HttpContent ToContent()
        {
            var content = new ByteArrayContent(Bytes);
            if (ContentType is not null)
            {
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ContentType);
            }
            return content;
        }
    }

    /// <summary>Bodies no endpoint can bind, whatever JSON it takes: each a 400 problem.</summary>
    public static readonly IReadOnlyDictionary<string, RawBody> MalformedBodies = new Dictionary<string, RawBody>
    {
        ["an array of numbers"] = Json("[1, 2, 3]"),
        ["a number"] = Json("42"),
        ["a string"] = Json("\"text\""),
        ["true"] = Json("true"),
        ["null"] = Json("null"),
        ["not JSON"] = Json("{not json"),
        ["cut short"] = Json("{\"a\": "),
        ["300 levels of nesting"] = Json(string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300)),
        ["300 nested arrays"] = Json(new string('[', 300) + new string(']', 300)),
        ["an empty body"] = Json(""),
        ["invalid UTF-8"] = new([0xFF, .. "{}"u8], "application/json"),
        ["two values"] = Json("{} {}"),
    };

    /// <summary>Content types other than JSON, for an endpoint's own valid body: each a 415 problem.</summary>
    public static readonly IReadOnlyDictionary<string, string?> WrongContentTypes = new Dictionary<string, string?>
    {
        ["text/plain"] = "text/plain",
        ["a form"] = "application/x-www-form-urlencoded",
        ["no content type"] = null,
    };

    public static RawBody Json(string json) => new(Encoding.UTF8.GetBytes(json), "application/json");

    /// <summary>Any text, with control characters, reserved URL characters and letters outside ASCII, for the random
    /// query strings of the property tests.</summary>
    public static readonly Gen<string> RandomText =
        Gen.OneOf<char>(Gen.Char['\0', '\u00ff'], Gen.Char["&=%#?+/\\'\"\r\n*.:@-_ "], Gen.Char)
            .Array[0, 40].Select(chars => new string(chars));

    /// <summary>Percent-encodes the UTF-8 of any text, lone surrogates included (as U+FFFD).</summary>
    public static string Encode(string text) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => $"%{b:X2}"));
}
