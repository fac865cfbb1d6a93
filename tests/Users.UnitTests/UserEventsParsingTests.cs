using System.Text.Json;
using ExecutiveDashboard.Contracts.Ingest;
using static ExecutiveDashboard.Users.UnitTests.Utc;

namespace ExecutiveDashboard.Users.UnitTests;

public sealed class UserEventsParsingTests
{
    private static EventBatchResult<UserEvent> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EventBatch.Parse(document.RootElement, UserEvent.Types, UserEvent.Parse, At("2026-11-02T12:00:00"));
    }

    [Fact]
    public void Both_types_parse_with_times_in_utc_and_an_optional_email()
    {
        var batch = Parse("""
            [{ "eventId": "e1", "type": "user.signed_up", "workspaceId": "ws_1", "userId": "u_1",
               "occurredAt": "2026-11-02T10:00:00+01:00", "name": "Ada Lovelace" },
             { "eventId": "e2", "type": "user.active", "workspaceId": "ws_1", "userId": "u_1",
               "occurredAt": "2026-11-02T09:05:00Z" }]
            """);

        Assert.True(batch.IsValid);
        Assert.Equal<UserEvent>([
            new UserSignedUpEvent("e1", "ws_1", "u_1", At("2026-11-02T09:00:00"), "Ada Lovelace", null),
            new UserActiveEvent("e2", "ws_1", "u_1", At("2026-11-02T09:05:00")),
        ], batch.Events);
    }

    [Theory]
    [InlineData("\"name\": \"\"", "[0].name")]
    [InlineData("\"name\": \"Ada\", \"email\": 3", "[0].email")]
    [InlineData("\"name\": \"Ada\", \"email\": \"LONG\"", "[0].email")]
    [InlineData("\"name\": \"LONG\"", "[0].name")]
    [InlineData("\"email\": \"a@b.c\"", "[0].name")]
    public void A_signup_needs_a_name_of_at_most_256_characters_and_any_email_is_text_of_at_most_256(string fields, string key)
    {
        var json = $$"""
            [{ "eventId": "e1", "type": "user.signed_up", "workspaceId": "ws_1", "userId": "u_1",
               "occurredAt": "2026-11-02T09:00:00Z", {{fields.Replace("LONG", new string('x', 257))}} }]
            """;

        var batch = Parse(json);

        Assert.False(batch.IsValid);
        Assert.Contains(key, batch.Errors.Select(e => e.Key));
        Assert.Empty(batch.Events);
    }

    [Fact]
    public void Activity_needs_a_valid_user_and_a_time_with_an_offset()
    {
        var batch = Parse("""
            [{ "eventId": "e1", "type": "user.active", "workspaceId": "ws_1", "userId": "u 1", "occurredAt": "2026-11-02T09:00:00" }]
            """);

        Assert.Equal(["[0].userId", "[0].occurredAt"], batch.Errors.Select(e => e.Key));
    }
}
