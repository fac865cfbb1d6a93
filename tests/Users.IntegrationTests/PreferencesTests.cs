using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary><c>/api/users/me/preferences</c>: each person's time zone and week start, by the token's subject, never anyone
/// else's; a zone is an id of the tzdb every read accepts.</summary>
[Collection(ServersCollection.Name)]
public sealed class PreferencesTests(UsersServersFixture servers) : ServiceTests<UsersService>(servers)
{
    private const string Path = "/api/users/me/preferences";

    private HttpClient Person(string subject, string role = "ceo") => Service.ClientFor(role, "ws_1", subject);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Preferences(string timeZone, string weekStart) =>
        new JsonObject { ["timeZone"] = timeZone, ["weekStart"] = weekStart }.ToJsonString();

    private static async Task<(string, string)> Read(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["timeZone"]!.GetValue<string>(), body["weekStart"]!.GetValue<string>());
    }

    private Task<long> Stored() => Service.ScalarAsync("SELECT count(*) FROM user_preferences");

    [Fact]
    public async Task Saved_preferences_read_back_and_a_second_save_replaces_them()
    {
        var alice = Person("alice");
        using (var none = await alice.GetAsync(Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        }

        using (var saved = await alice.PutAsync(Path, Json(Preferences("Asia/Kathmandu", "sunday"))))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal(("Asia/Kathmandu", "sunday"), await Read(saved));
        }
        (await alice.PutAsync(Path, Json(Preferences("Australia/Lord_Howe", "monday")))).Dispose();

        using var read = await alice.GetAsync(Path);
        Assert.Equal(("Australia/Lord_Howe", "monday"), await Read(read));
        Assert.Equal(1, await Stored());
    }

    [Fact]
    public async Task Each_person_reads_writes_and_deletes_only_their_own()
    {
        var alice = Person("alice");
        var bob = Person("bob", role: "admin");
        (await alice.PutAsync(Path, Json(Preferences("Asia/Kolkata", "monday")))).Dispose();

        using (var bobsNone = await bob.GetAsync(Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, bobsNone.StatusCode);
        }
        (await bob.PutAsync(Path, Json(Preferences("America/New_York", "sunday")))).Dispose();
        using (var bobDeletes = await bob.DeleteAsync(Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, bobDeletes.StatusCode);
        }
        using (var bobAfter = await bob.GetAsync(Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, bobAfter.StatusCode);
        }
        using var aliceAfter = await alice.GetAsync(Path);
        Assert.Equal(("Asia/Kolkata", "monday"), await Read(aliceAfter));
        Assert.Equal(1, await Stored());
    }

    public static TheoryData<string, string> BadPreferences => new()
    {
        { "[]", "$" },
        { "{}", "timeZone" },
        { """{"timeZone":"Mars/Olympus_Mons","weekStart":"monday"}""", "timeZone" },
        { """{"timeZone":"asia/kolkata","weekStart":"monday"}""", "timeZone" },
        { """{"timeZone":"../../etc/passwd","weekStart":"monday"}""", "timeZone" },
        { """{"timeZone":"Asia/Kolkata\u0000","weekStart":"monday"}""", "timeZone" },
        { """{"timeZone":42,"weekStart":"monday"}""", "timeZone" },
        { $$"""{"timeZone":"{{new string('x', 500)}}","weekStart":"monday"}""", "timeZone" },
        { """{"timeZone":"Asia/Kolkata"}""", "weekStart" },
        { """{"timeZone":"Asia/Kolkata","weekStart":"Monday"}""", "weekStart" },
        { """{"timeZone":"Asia/Kolkata","weekStart":"someday"}""", "weekStart" },
        { """{"timeZone":"Asia/Kolkata","weekStart":1}""", "weekStart" },
    };

    [Theory]
    [MemberData(nameof(BadPreferences))]
    public async Task Bad_preferences_are_a_400_problem_naming_the_field_and_store_nothing(string body, string field)
    {
        var alice = Person("alice");
        (await alice.PutAsync(Path, Json(Preferences("Asia/Kolkata", "monday")))).Dispose();

        using var response = await alice.PutAsync(Path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        using var read = await alice.GetAsync(Path);
        Assert.Equal(("Asia/Kolkata", "monday"), await Read(read));
        Assert.Equal(1, await Stored());
    }

    [Fact]
    public async Task Malformed_json_other_media_types_and_oversized_bodies_are_problems()
    {
        using var malformed = await Person("alice").PutAsync(Path, Json("{\"timeZone\": "));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var text = await Person("alice").PutAsync(Path, new StringContent(Preferences("UTC", "monday"), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        using var huge = await Person("alice").PutAsync(Path, Json($$"""{"timeZone":"UTC","weekStart":"monday","padding":"{{new string('x', 5_000)}}"}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(0, await Stored());
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("member")]
    public async Task Only_dashboard_readers_have_preferences(string role)
    {
        (await Person("alice").PutAsync(Path, Json(Preferences("Asia/Kolkata", "monday")))).Dispose();
        var other = Person("alice", role);

        using var get = await other.GetAsync(Path);
        using var put = await other.PutAsync(Path, Json(Preferences("UTC", "sunday")));
        using var delete = await other.DeleteAsync(Path);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { get.StatusCode, put.StatusCode, delete.StatusCode });
        Assert.DoesNotContain("Kolkata", await get.Content.ReadAsStringAsync());
        using var read = await Person("alice").GetAsync(Path);
        Assert.Equal(("Asia/Kolkata", "monday"), await Read(read));
    }

    [Fact]
    public async Task Without_a_token_it_is_401_and_without_a_subject_403()
    {
        var anonymous = Service.CreateClient();
        using var get = await anonymous.GetAsync(Path);
        using var put = await anonymous.PutAsync(Path, Json(Preferences("UTC", "monday")));
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { get.StatusCode, put.StatusCode });

        using var nobody = await Service.ClientFor("ceo", "*", subject: "").PutAsync(Path, Json(Preferences("UTC", "monday")));
        Assert.Equal(HttpStatusCode.Forbidden, nobody.StatusCode);
        Assert.Equal(0, await Stored());
    }

    [Fact]
    public async Task The_three_operations_are_in_the_openapi_document()
    {
        var document = await Service.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains($"\"{Path}\"", document);
        Assert.All(new[] { "GetPreferences", "SavePreferences", "DeletePreferences" }, operation => Assert.Contains(operation, document));
    }
}
