using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Ingest;

namespace ExecutiveDashboard.Contracts.UnitTests.Ingest;

/// <summary>
/// The bounds of docs/events.md at ingest (<see cref="Bounds"/>), at their edges, for every service's events: times from
/// 2000-01-01 to a day after the server's now, credits and amounts within their maxima, text that is valid UTF-8 without
/// control characters. A violation refuses the batch and names the event and the field.
/// </summary>
public class BoundsAtIngestTests
{
    private static readonly DateTime Now = new(2026, 11, 3, 8, 0, 0, DateTimeKind.Utc);

    private static readonly JsonObject Run = Event("""
        { "eventId": "ev_run", "type": "run.completed", "workspaceId": "ws_1", "runId": "r_1", "agentId": "ag_1",
          "agentName": "Invoice Bot", "userId": "u_1", "status": "failed", "startedAt": "2026-11-02T07:59:30Z",
          "completedAt": "2026-11-02T08:00:00Z", "credits": 12.5, "errorCode": "E_TIMEOUT" }
        """);

    private static readonly JsonObject Agent = Event("""
        { "eventId": "ev_agent", "type": "agent.created", "workspaceId": "ws_1", "agentId": "ag_1",
          "agentName": "Invoice Bot", "occurredAt": "2026-11-02T07:00:00Z" }
        """);

    private static readonly JsonObject SignUp = Event("""
        { "eventId": "ev_signup", "type": "user.signed_up", "workspaceId": "ws_1", "userId": "u_1",
          "occurredAt": "2026-11-02T07:00:00Z", "name": "Ada Lovelace", "email": "ada@example.com" }
        """);

    private static readonly JsonObject Active = Event("""
        { "eventId": "ev_active", "type": "user.active", "workspaceId": "ws_1", "userId": "u_1",
          "occurredAt": "2026-11-02T07:00:00Z" }
        """);

    private static readonly JsonObject Trial = Event("""
        { "eventId": "ev_trial", "type": "trial.started", "workspaceId": "ws_1", "plan": "pro",
          "occurredAt": "2026-11-02T07:00:00Z", "trialEndsAt": "2026-11-16T07:00:00Z" }
        """);

    private static readonly JsonObject Subscription = Event("""
        { "eventId": "ev_sub", "type": "subscription.started", "workspaceId": "ws_1", "plan": "pro", "interval": "month",
          "amount": 49, "currency": "USD", "occurredAt": "2026-11-02T07:00:00Z" }
        """);

    private static readonly JsonObject Change = Event("""
        { "eventId": "ev_change", "type": "subscription.changed", "workspaceId": "ws_1", "plan": "team", "interval": "year",
          "amount": 490, "currency": "USD", "occurredAt": "2026-11-02T07:00:00Z" }
        """);

    private static readonly JsonObject Spend = Event("""
        { "eventId": "ev_spend", "type": "marketing.spend", "amount": 1200, "currency": "USD",
          "occurredAt": "2026-11-02T07:00:00Z", "channel": "search" }
        """);

    /// <summary>Every event with the names of its time fields, its text fields and its number fields.</summary>
    private static readonly Dictionary<string, (JsonObject Event, string[] Times, string[] Texts, string? Number)> Kinds = new()
    {
        ["run"] = (Run, ["startedAt", "completedAt"], ["agentName", "errorCode"], "credits"),
        ["agent"] = (Agent, ["occurredAt"], ["agentName"], null),
        ["signup"] = (SignUp, ["occurredAt"], ["name", "email"], null),
        ["active"] = (Active, ["occurredAt"], [], null),
        ["trial"] = (Trial, ["occurredAt"], ["plan"], null),
        ["subscription"] = (Subscription, ["occurredAt"], ["plan", "currency"], "amount"),
        ["change"] = (Change, ["occurredAt"], ["plan", "currency"], "amount"),
        ["spend"] = (Spend, ["occurredAt"], ["channel", "currency"], "amount"),
    };

    public static TheoryData<string, string> TimeFields => Fields(k => k.Times);

    public static TheoryData<string, string> TextFields => Fields(k => k.Texts);

    public static TheoryData<string, string> NumberFields => Fields(k => k.Number is null ? [] : [k.Number]);

    /// <summary>Every field read as a string: ids, closed lists, times and free text.</summary>
    public static TheoryData<string, string> StringFields => Fields(k => k.Event
        .Where(p => p.Value?.GetValueKind() == JsonValueKind.String).Select(p => p.Key).ToArray());

    [Fact]
    public void Every_event_as_written_here_is_valid()
    {
        foreach (var (kind, _) in Kinds)
        {
            Assert.True(Parse(kind, Kinds[kind].Event).IsValid, kind);
        }
    }

    [Theory]
    [MemberData(nameof(TimeFields))]
    public void A_time_from_2000_01_01_is_accepted_and_one_tick_earlier_is_refused(string kind, string field)
    {
        // Times that come before the edge move along so that no other rule (completedAt >= startedAt) refuses first.
        Assert.True(Parse(kind, WithTimes(kind, "2000-01-01T00:00:00Z")).IsValid);
        Assert.True(Parse(kind, WithTimes(kind, "2000-01-01T01:00:00+01:00")).IsValid); // the same instant

        AssertRefused(Parse(kind, With(Kinds[kind].Event, field, "\"1999-12-31T23:59:59.9999999Z\"")), field);
        AssertRefused(Parse(kind, With(Kinds[kind].Event, field, "\"0001-01-01T00:00:00Z\"")), field);
    }

    [Theory]
    [MemberData(nameof(TimeFields))]
    public void A_time_up_to_a_day_after_now_is_accepted_and_a_second_later_is_refused(string kind, string field)
    {
        var trialEnds = kind == "trial" ? "2026-11-10T00:00:00Z" : null; // a trial's end lies after its start
        Assert.True(Parse(kind, WithTimes(kind, "2026-11-04T08:00:00Z", trialEnds)).IsValid);

        var late = WithTimes(kind, "2026-11-04T08:00:00Z", trialEnds);
        late[field] = "2026-11-04T08:00:01Z";
        AssertRefused(Parse(kind, late), field);
        AssertRefused(Parse(kind, With(Kinds[kind].Event, field, "\"9999-12-31T23:59:59Z\"")), field);
    }

    [Fact]
    public void The_refusal_of_a_time_says_what_the_bounds_are()
    {
        var error = Assert.Single(Parse("active", With(Active, "occurredAt", "\"0001-01-01T00:00:00Z\"")).Errors);

        Assert.Equal("[0].occurredAt", error.Key);
        Assert.Equal("event 0 (ev_active, user.active): must lie from 2000-01-01 to one day after now (2026-11-04T08:00:00Z) "
                     + "(got '0001-01-01T00:00:00Z')", error.Describe());
    }

    [Fact]
    public void A_trial_may_end_past_now_and_up_to_366_days_after_it_starts()
    {
        // Started today, ends in a year and a day: later than now + 1 day, as a trial's end should be.
        Assert.True(Parse("trial", With(Trial, "trialEndsAt", "\"2027-11-03T07:00:00Z\"")).IsValid);

        AssertRefused(Parse("trial", With(Trial, "trialEndsAt", "\"2027-11-03T07:00:01Z\"")), "trialEndsAt");
        AssertRefused(Parse("trial", With(Trial, "trialEndsAt", "\"9999-12-31T23:59:59Z\"")), "trialEndsAt");
        AssertRefused(Parse("trial", With(Trial, "trialEndsAt", "\"2026-11-02T06:59:59Z\"")), "trialEndsAt");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("0.000001")]
    [InlineData("1000000")]
    [InlineData("1000000.000000")]
    [InlineData("1e6")]
    [InlineData("1e-400")] // underflows to 0
    public void Credits_from_0_to_a_million_are_accepted(string credits)
    {
        Assert.True(Parse("run", With(Run, "credits", credits)).IsValid);
    }

    [Theory]
    [InlineData("12.3000000000000007", "12.3")]            // what a float printed in full looks like
    [InlineData("0.0000005", "0.000001")]                  // half away from zero, as numeric(20, 6) rounds
    [InlineData("0.0000000000000000000000000001", "0")]    // the smallest decimal
    [InlineData("999999.9999999", "1000000")]
    public void Credits_and_amounts_are_kept_to_the_millionth(string sent, string kept)
    {
        var run = Assert.IsType<RunCompletedEvent>(Assert.Single(Parse("run", With(Run, "credits", sent)).Events));
        var spend = Assert.IsType<MarketingSpendEvent>(Assert.Single(Parse("spend", With(Spend, "amount", sent)).Events));

        Assert.Equal(decimal.Parse(kept, System.Globalization.CultureInfo.InvariantCulture), run.Credits);
        Assert.Equal(run.Credits, spend.Amount);
        Assert.True(run.Credits.Scale <= Bounds.Decimals);
    }

    [Theory]
    [InlineData("1000000.000001")]
    [InlineData("99999999999999")] // just under the raw runs' old column limit
    [InlineData("1e15")]
    [InlineData("1e20")]
    [InlineData("1e30")]   // beyond decimal
    [InlineData("1e400")]  // beyond double
    [InlineData("-0.000001")]
    [InlineData("-1e400")]
    public void Credits_over_a_million_or_below_0_are_refused(string credits)
    {
        var error = Assert.Single(Parse("run", With(Run, "credits", credits)).Errors);

        Assert.Equal("[0].credits", error.Key);
        Assert.Equal($"must be a number from 0 to 1,000,000 (got '{credits}')", error.Message);
    }

    [Theory]
    [MemberData(nameof(NumberFields))]
    public void Each_amount_and_credits_has_its_maximum_accepted_and_a_millionth_more_refused(string kind, string field)
    {
        var max = field == "credits" ? Bounds.MaxCredits : Bounds.MaxAmount;

        Assert.True(Parse(kind, With(Kinds[kind].Event, field, max.ToString(System.Globalization.CultureInfo.InvariantCulture))).IsValid);
        foreach (var over in (string[])[$"{max}.000001", "1e20", "1e30", "1e400", "-1"])
        {
            AssertRefused(Parse(kind, With(Kinds[kind].Event, field, over)), field);
        }
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void Text_with_a_control_character_is_refused_and_a_tab_is_accepted(string kind, string field)
    {
        var clean = field == "currency" ? "USD" : "Ada\tLovelace";
        Assert.True(Parse(kind, With(Kinds[kind].Event, field, Json(clean))).IsValid);

        foreach (var control in (string[])["\0", "\u0001", "\u001f", "\n", "\r", "\u007f", "\u0085", "\u009f"])
        {
            var refused = Parse(kind, With(Kinds[kind].Event, field, Json($"US{control}D")));
            AssertRefused(refused, field);
            Assert.Contains(refused.Errors, e => e.Message == "must not hold control characters (tab excepted)");
        }
    }

    [Theory]
    [MemberData(nameof(StringFields))]
    public void A_lone_surrogate_escape_in_any_string_field_is_refused(string kind, string field)
    {
        foreach (var surrogate in (string[])["\\ud800", "\\udc00", "a\\ud83db", "\\ude00\\ud83d"])
        {
            AssertRefused(ParseRaw(kind, Replace(Kinds[kind].Event, field, $"\"{surrogate}\"")), field);
        }
    }

    [Theory]
    [MemberData(nameof(StringFields))]
    public void Invalid_UTF_8_in_any_string_field_is_refused(string kind, string field)
    {
        // A lone continuation byte, a truncated sequence, an overlong '/', an encoded surrogate, and 0xFF.
        foreach (var bytes in (byte[][])[[0x80], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF]])
        {
            AssertRefused(ParseRaw(kind, Replace(Kinds[kind].Event, field, "\"a", bytes, "b\"")), field);
        }
    }

    [Fact]
    public void A_surrogate_pair_is_one_character_and_accepted()
    {
        var result = ParseRaw("signup", Replace(SignUp, "name", "\"Ada \\ud83d\\ude00\""));

        Assert.True(result.IsValid);
        Assert.Equal("Ada \U0001F600", Assert.IsType<UserSignedUpEvent>(Assert.Single(result.Events)).Name);
        Assert.True(Parse("signup", With(SignUp, "name", Json("Ada \U0001F600"))).IsValid);
    }

    [Fact]
    public void Undecodable_text_in_a_field_no_reader_knows_is_refused_too()
    {
        // The body must be UTF-8 as a whole, and an unknown field is stored nowhere: it is named when it is an id.
        var extra = Encoding.UTF8.GetBytes(Run.ToJsonString()[..^1] + ", \"note\": { \"deep\": [\"\\ud800\"] } }");
        AssertRefused(ParseRaw("run", extra), "note");

        var badName = Concat(Encoding.UTF8.GetBytes(Run.ToJsonString()[..^1] + ", \"n"), [0xFF], "\": 1 }"u8.ToArray());
        AssertRefused(ParseRaw("run", badName), "$");

        var escapedName = Encoding.UTF8.GetBytes(Run.ToJsonString()[..^1] + ", \"\\udc00\": 1 }");
        AssertRefused(ParseRaw("run", escapedName), "$");
    }

    [Fact]
    public void Ordinary_escapes_are_text_like_any_other()
    {
        var result = ParseRaw("signup", Replace(SignUp, "name", "\"Ad\\u00e9 \\\"Lovelace\\\" \\t\\/\""));

        Assert.Equal("Adé \"Lovelace\" \t/", Assert.IsType<UserSignedUpEvent>(Assert.Single(result.Events)).Name);
    }

    [Fact]
    public void A_refusal_of_undecodable_text_names_the_event_and_the_field_once()
    {
        var result = ParseRaw("run", Replace(Run, "agentName", "\"\\ud800\""));

        var error = Assert.Single(result.Errors);
        Assert.Equal("[0].agentName", error.Key);
        Assert.Equal("event 0 (ev_run, run.completed): is not valid text: invalid UTF-8, or a lone surrogate escape such as \\ud800",
            error.Describe());
    }

    [Fact]
    public void A_huge_refused_value_is_quoted_in_part()
    {
        var huge = new string('x', 100_000);

        var message = Assert.Single(Parse("run", With(Run, "status", Json(huge))).Errors).Message;

        Assert.Equal($"'{new string('x', 64)}…' (100,000 characters) is not one of succeeded, failed", message);
    }

    private static void AssertRefused<T>(EventBatchResult<T> result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Empty(result.Events);
        Assert.Contains($"[0].{field}", result.Errors.Select(e => e.Key));
    }

    private static EventBatchResult<object> Parse(string kind, JsonObject e) =>
        ParseRaw(kind, Encoding.UTF8.GetBytes(new JsonArray(e.DeepClone()).ToJsonString()));

    /// <summary>Parses a batch of the one event given as UTF-8 bytes, which may be anything the JSON parser lets through.</summary>
    private static EventBatchResult<object> ParseRaw(string kind, byte[] utf8)
    {
        var batch = utf8[0] == (byte)'[' ? utf8 : Concat("["u8.ToArray(), utf8, "]"u8.ToArray());
        using var document = JsonDocument.Parse(batch);
        return kind switch
        {
            "run" or "agent" => EventBatch.Parse<object>(document.RootElement, ExecutionEvent.Types, ExecutionEvent.Parse, Now),
            "signup" or "active" => EventBatch.Parse<object>(document.RootElement, UserEvent.Types, UserEvent.Parse, Now),
            _ => EventBatch.Parse<object>(document.RootElement, BillingEvent.Types, BillingEvent.Parser("USD"), Now),
        };
    }

    /// <summary>The event with every one of its times set to <paramref name="time"/> (and a trial's end to
    /// <paramref name="trialEndsAt"/>, or to the same time).</summary>
    private static JsonObject WithTimes(string kind, string time, string? trialEndsAt = null)
    {
        var e = Kinds[kind].Event.DeepClone().AsObject();
        foreach (var field in Kinds[kind].Times)
        {
            e[field] = time;
        }
        if (kind == "trial")
        {
            e["trialEndsAt"] = trialEndsAt ?? time;
        }
        return e;
    }

    private static JsonObject With(JsonObject e, string field, string json)
    {
        var copy = e.DeepClone().AsObject();
        copy[field] = JsonNode.Parse(json);
        return copy;
    }

    /// <summary>The event's JSON as UTF-8 with the value of <paramref name="field"/> replaced by raw bytes.</summary>
    private static byte[] Replace(JsonObject e, string field, string rawJson) =>
        Replace(e, field, rawJson, [], "");

    private static byte[] Replace(JsonObject e, string field, string before, byte[] bytes, string after)
    {
        var copy = e.DeepClone().AsObject();
        copy[field] = "\u0001MARK\u0001";
        var json = copy.ToJsonString();
        var mark = json.IndexOf("\"\\u0001MARK\\u0001\"", StringComparison.Ordinal);
        Assert.True(mark >= 0, json);
        return Concat(Encoding.UTF8.GetBytes(json[..mark] + before), bytes,
            Encoding.UTF8.GetBytes(after + json[(mark + "\"\\u0001MARK\\u0001\"".Length)..]));
    }

    private static string Json(string text) => JsonSerializer.Serialize(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static JsonObject Event(string json) => JsonNode.Parse(json)!.AsObject();

    private static TheoryData<string, string> Fields(Func<(JsonObject Event, string[] Times, string[] Texts, string? Number), string[]> of)
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, k) in Kinds)
        {
            foreach (var field in of(k))
            {
                data.Add(kind, field);
            }
        }
        return data;
    }
}
