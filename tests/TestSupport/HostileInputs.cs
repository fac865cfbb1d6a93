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

    /// <summary>Values of <c>tz</c> that are no IANA id of the tzdb: paths into the OS's zoneinfo, offsets, abbreviations.</summary>
    public static readonly IReadOnlyDictionary<string, string> TimeZones = new Dictionary<string, string>
    {
        ["unknown"] = "Mars/Olympus_Mons",
        ["lower case"] = "asia/kolkata",
        ["a path"] = "../../../etc/passwd",
        ["an absolute zoneinfo path"] = "/usr/share/zoneinfo/Asia/Kolkata",
        ["an offset"] = "+05:30",
        ["an abbreviation"] = "IST",
        ["empty"] = "",
        ["NUL"] = "Asia/Kolkata\0",
        ["CRLF"] = "UTC\r\nX-Injected: yes",
        ["2,000 characters"] = new('a', 2000),
        ["a Windows name"] = "India Standard Time",
    };

    /// <summary>Values of <c>weekStart</c> other than the lower-case day names.</summary>
    public static readonly IReadOnlyDictionary<string, string> WeekStarts = new Dictionary<string, string>
    {
        ["capitalised"] = "Monday",
        ["a number"] = "1",
        ["an abbreviation"] = "mon",
        ["empty"] = "",
        ["NUL"] = "monday\0",
        ["2,000 characters"] = new('y', 2000),
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
        ["tz"] = ("tz", "workspace_id=ws_1&timeframe=7d&tz=UTC&TZ=Asia/Kolkata"),
    };

    /// <summary>A valid body of <c>POST /api/{executions,billing,users}/signals</c>.</summary>
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

    /// <summary>A valid body of <c>PUT /api/users/me/digests</c> (one weekly digest of ws_1).</summary>
    public const string ValidDigests =
        """{ "digests": [ { "scope": "ws_1", "cadence": "weekly", "weekday": "monday", "localTime": "09:00", "timeZone": "Europe/Paris", "email": "dana@example.com" } ] }""";

    /// <summary>Bodies of <c>PUT /api/users/me/digests</c> with one value out of its rules, and the field the 400 must name.</summary>
    public static readonly IReadOnlyDictionary<string, (string Body, string Field)> InvalidDigests = new Dictionary<string, (string, string)>
    {
        ["no digests property"] = ("""{ "digest": [] }""", "digests"),
        ["digests not an array"] = ("""{ "digests": {} }""", "digests"),
        ["eleven digests"] = ($$"""{ "digests": [{{string.Join(',', Enumerable.Repeat(Digest(), 11))}}] }""", "digests"),
        ["an item not an object"] = ("""{ "digests": [ 1 ] }""", "digests[0]"),
        ["scope missing"] = (Digests(Digest(scope: null)), "digests[0].scope"),
        ["scope '*'"] = (Digests(Digest(scope: "\"*\"")), "digests[0].scope"),
        ["scope a path"] = (Digests(Digest(scope: "\"../ws_1\"")), "digests[0].scope"),
        ["scope of 129 characters"] = (Digests(Digest(scope: $"\"{new string('w', 129)}\"")), "digests[0].scope"),
        ["scope a number"] = (Digests(Digest(scope: "1")), "digests[0].scope"),
        ["cadence monthly"] = (Digests(Digest(cadence: "\"monthly\"")), "digests[0].cadence"),
        ["cadence in capitals"] = (Digests(Digest(cadence: "\"WEEKLY\"")), "digests[0].cadence"),
        ["weekly without a weekday"] = (Digests(Digest(weekday: null)), "digests[0].weekday"),
        ["weekday mon"] = (Digests(Digest(weekday: "\"mon\"")), "digests[0].weekday"),
        ["weekday a number"] = (Digests(Digest(weekday: "1")), "digests[0].weekday"),
        ["daily with a weekday"] = (Digests(Digest(cadence: "\"daily\"")), "digests[0].weekday"),
        ["localTime 24:00"] = (Digests(Digest(localTime: "\"24:00\"")), "digests[0].localTime"),
        ["localTime 9:00"] = (Digests(Digest(localTime: "\"9:00\"")), "digests[0].localTime"),
        ["localTime with seconds"] = (Digests(Digest(localTime: "\"09:00:00\"")), "digests[0].localTime"),
        ["localTime a number"] = (Digests(Digest(localTime: "900")), "digests[0].localTime"),
        ["timeZone unknown"] = (Digests(Digest(timeZone: "\"Mars/Olympus\"")), "digests[0].timeZone"),
        ["timeZone an offset"] = (Digests(Digest(timeZone: "\"+05:30\"")), "digests[0].timeZone"),
        ["timeZone a path"] = (Digests(Digest(timeZone: "\"../../etc/passwd\"")), "digests[0].timeZone"),
        ["email missing"] = (Digests(Digest(email: null)), "digests[0].email"),
        ["email without a domain"] = (Digests(Digest(email: "\"dana\"")), "digests[0].email"),
        ["email with a display name"] = (Digests(Digest(email: "\"Dana <dana@example.com>\"")), "digests[0].email"),
        ["email of two addresses"] = (Digests(Digest(email: "\"dana@example.com,eve@example.com\"")), "digests[0].email"),
        ["email with a header"] = (Digests(Digest(email: "\"dana@example.com\\r\\nBcc: eve@example.com\"")), "digests[0].email"),
        ["email of 300 characters"] = (Digests(Digest(email: $"\"{new string('d', 290)}@example.com\"")), "digests[0].email"),
        ["id not a guid"] = (Digests(Digest(id: "\"1; DROP TABLE digest_subscriptions\"")), "digests[0].id"),
        ["one id twice"] = ($$"""{ "digests": [{{Digest(id: TwiceId)}}, {{Digest(id: TwiceId)}}] }""", "digests[1].id"),
    };

    private const string TwiceId = "\"0191f3c2-0000-7000-8000-000000000001\"";

    private static string Digests(string digest) => $$"""{ "digests": [{{digest}}] }""";

    /// <summary>A digest's JSON with raw JSON values; null leaves the property out.</summary>
    private static string Digest(string? scope = "\"ws_1\"", string? cadence = "\"weekly\"", string? weekday = "\"monday\"",
        string? localTime = "\"09:00\"", string? timeZone = "\"Europe/Paris\"", string? email = "\"dana@example.com\"", string? id = null)
    {
        (string Name, string? Value)[] fields =
            [("id", id), ("scope", scope), ("cadence", cadence), ("weekday", weekday), ("localTime", localTime), ("timeZone", timeZone), ("email", email)];
        return "{ " + string.Join(", ", fields.Where(f => f.Value is not null).Select(f => $"\"{f.Name}\": {f.Value}")) + " }";
    }

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
