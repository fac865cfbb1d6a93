using System.Text.Json;
using ExecutiveDashboard.Exports.Digests;

namespace ExecutiveDashboard.Exports.UnitTests.Digests;

public sealed class DigestRequestTests
{
    private static (IReadOnlyList<DigestSettings>? Digests, Dictionary<string, string[]> Errors) Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return DigestRequest.Parse(document.RootElement);
    }

    [Fact]
    public void A_valid_list_is_read_as_sent()
    {
        var (digests, errors) = Parse("""
            { "digests": [
              { "scope": "ws_1", "cadence": "weekly", "weekday": "monday", "localTime": "09:00", "timeZone": "Europe/Paris", "email": "dana@example.com" },
              { "id": "0191f3c2-0000-7000-8000-000000000001", "scope": "all", "cadence": "daily", "weekday": null, "localTime": "23:59", "timeZone": "Asia/Kolkata", "email": "ceo+digest@corp.example" }
            ] }
            """);
        Assert.Empty(errors);
        Assert.Equal(
        [
            new DigestSettings(null, "ws_1", "weekly", "monday", "09:00", "Europe/Paris", "dana@example.com"),
            new DigestSettings(Guid.Parse("0191f3c2-0000-7000-8000-000000000001"), "all", "daily", null, "23:59", "Asia/Kolkata", "ceo+digest@corp.example"),
        ], digests);
    }

    [Fact]
    public void An_empty_list_is_valid() => Assert.Equal([], Parse("""{ "digests": [] }""").Digests);

    [Theory]
    [InlineData("""{ "digests": [ { "scope": "ws_1", "cadence": "daily", "weekday": "monday", "localTime": "09:00", "timeZone": "UTC", "email": "a@b.c" } ] }""", "digests[0].weekday")]
    [InlineData("""{ "digests": [ { "scope": "ws_1", "cadence": "weekly", "localTime": "09:00", "timeZone": "UTC", "email": "a@b.c" } ] }""", "digests[0].weekday")]
    [InlineData("""{ "digests": [ { "scope": "ws_1", "cadence": "daily", "localTime": "09:00", "timeZone": "utc/nowhere", "email": "a@b.c" } ] }""", "digests[0].timeZone")]
    [InlineData("""{ "digests": [ { "scope": "ws_1", "cadence": "daily", "localTime": "09:00", "timeZone": "UTC", "email": "a@b.c\nBcc: e@f.g" } ] }""", "digests[0].email")]
    [InlineData("""{ "digests": [ { "scope": "*", "cadence": "daily", "localTime": "09:00", "timeZone": "UTC", "email": "a@b.c" } ] }""", "digests[0].scope")]
    [InlineData("""{ "digests": [ { "scope": "ws_1", "cadence": "daily", "localTime": "9:00", "timeZone": "UTC", "email": "a@b.c" } ] }""", "digests[0].localTime")]
    public void A_value_out_of_its_rules_is_refused_naming_its_field(string body, string field)
    {
        var (digests, errors) = Parse(body);
        Assert.Null(digests);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("dana@example.com", true)]
    [InlineData("d.a-n_a+x@mail.example.co", true)]
    [InlineData("dana@localhost", true)]
    [InlineData("Dana <dana@example.com>", false)]
    [InlineData("dana@example.com ", false)]
    [InlineData("dana@@example.com", false)]
    [InlineData("dana@-example.com", false)]
    [InlineData("\"dana\"@example.com", false)]
    [InlineData("dana@example.com,eve@example.com", false)]
    public void An_email_is_one_bare_address(string email, bool valid) => Assert.Equal(valid, DigestRequest.IsEmail(email));
}
