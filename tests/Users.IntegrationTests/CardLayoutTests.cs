using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Users.IntegrationTests;

/// <summary><c>/api/users/me/layout</c>: each person's card layout, by the token's subject, never anyone else's.</summary>
[Collection(ServersCollection.Name)]
public sealed class CardLayoutTests(UsersServersFixture servers) : ServiceTests<UsersService>(servers)
{
    private const string Path = "/api/users/me/layout";

    private HttpClient Person(string subject, string role = "ceo") => Service.ClientFor(role, "ws_1", subject);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Layout(params (string Id, bool Visible)[] cards) =>
        new JsonObject { ["cards"] = new JsonArray(cards.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["visible"] = c.Visible }).ToArray()) }
            .ToJsonString();

    private static async Task<(string Id, bool Visible)[]> CardsOf(HttpResponseMessage response) =>
        CardsOf((await response.Content.ReadFromJsonAsync<JsonObject>())!);

    private static (string Id, bool Visible)[] CardsOf(JsonObject layout) =>
        layout["cards"]!.AsArray().Select(c => (c!["id"]!.GetValue<string>(), c["visible"]!.GetValue<bool>())).ToArray();

    private Task<long> StoredLayouts() => Service.ScalarAsync("SELECT count(*) FROM card_layouts");

    [Fact]
    public async Task A_saved_layout_reads_back_in_its_order_unknown_ids_included()
    {
        var alice = Person("alice");
        using (var none = await alice.GetAsync(Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        }

        (string, bool)[] cards = [("mrr", true), ("dau", false), ("a-card-from-a-newer-page", true), ("totalRuns", true)];
        using var saved = await alice.PutAsync(Path, Json(Layout(cards)));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var savedBody = (await saved.Content.ReadFromJsonAsync<JsonObject>())!;

        using var read = await alice.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var readBody = (await read.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(cards, CardsOf(readBody));
        Assert.Equal(cards, CardsOf(savedBody));
        Assert.Equal(savedBody["updatedAt"]!.GetValue<DateTimeOffset>(), readBody["updatedAt"]!.GetValue<DateTimeOffset>());
        Assert.True(DateTimeOffset.UtcNow - readBody["updatedAt"]!.GetValue<DateTimeOffset>() < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_second_save_replaces_the_first_whole()
    {
        var alice = Person("alice");
        (await alice.PutAsync(Path, Json(Layout(("dau", true), ("mrr", true), ("churn", false))))).Dispose();
        (await alice.PutAsync(Path, Json(Layout(("churn", true))))).Dispose();

        using var read = await alice.GetAsync(Path);
        Assert.Equal([("churn", true)], await CardsOf(read));
        Assert.Equal(1, await StoredLayouts());
    }

    [Fact]
    public async Task Each_person_reads_and_writes_only_their_own_layout()
    {
        var alice = Person("alice");
        var bob = Person("bob", role: "admin");
        (await alice.PutAsync(Path, Json(Layout(("mrr", true), ("dau", false))))).Dispose();

        using (var bobsNone = await bob.GetAsync(Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, bobsNone.StatusCode);
        }

        using (var bobSaves = await bob.PutAsync(Path, Json(Layout(("churn", false)))))
        {
            Assert.Equal(HttpStatusCode.OK, bobSaves.StatusCode);
        }
        using (var bobReads = await bob.GetAsync(Path))
        {
            Assert.Equal([("churn", false)], await CardsOf(bobReads));
        }
        using (var aliceReads = await alice.GetAsync(Path))
        {
            Assert.Equal([("mrr", true), ("dau", false)], await CardsOf(aliceReads));
        }

        // Bob forgetting his layout leaves Alice's alone.
        using (var bobDeletes = await bob.DeleteAsync(Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, bobDeletes.StatusCode);
        }
        using (var bobAfter = await bob.GetAsync(Path))
        {
            Assert.Equal(HttpStatusCode.NoContent, bobAfter.StatusCode);
        }
        using (var aliceAfter = await alice.GetAsync(Path))
        {
            Assert.Equal([("mrr", true), ("dau", false)], await CardsOf(aliceAfter));
        }
        Assert.Equal(1, await StoredLayouts());
    }

    [Fact]
    public async Task Deleting_a_layout_that_was_never_saved_is_fine()
    {
        using var response = await Person("carol").DeleteAsync(Path);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static TheoryData<string, string> BadLayouts => new()
    {
        { "[]", "$" },
        { "{}", "cards" },
        { """{"cards":{"id":"dau","visible":true}}""", "cards" },
        { """{"cards":[{"id":"dau","visible":true},{"id":"dau","visible":false}]}""", "cards[1].id" },
        { """{"cards":[1]}""", "cards[0]" },
        { """{"cards":[{"visible":true}]}""", "cards[0].id" },
        { """{"cards":[{"id":42,"visible":true}]}""", "cards[0].id" },
        { """{"cards":[{"id":"has space","visible":true}]}""", "cards[0].id" },
        { """{"cards":[{"id":"","visible":true}]}""", "cards[0].id" },
        { $$"""{"cards":[{"id":"{{new string('x', 41)}}","visible":true}]}""", "cards[0].id" },
        { """{"cards":[{"id":"dau"}]}""", "cards[0].visible" },
        { """{"cards":[{"id":"dau","visible":"yes"}]}""", "cards[0].visible" },
        { Layout(Enumerable.Range(0, 51).Select(i => ($"card{i}", true)).ToArray()), "cards" },
    };

    [Theory]
    [MemberData(nameof(BadLayouts))]
    public async Task A_bad_layout_is_a_400_problem_naming_the_field_and_stores_nothing(string body, string field)
    {
        var alice = Person("alice");
        (await alice.PutAsync(Path, Json(Layout(("dau", true))))).Dispose();

        using var response = await alice.PutAsync(Path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        using var read = await alice.GetAsync(Path);
        Assert.Equal([("dau", true)], await CardsOf(read));

        using var first = await Person("bob").PutAsync(Path, Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(1, await StoredLayouts());
    }

    [Fact]
    public async Task Fifty_cards_are_accepted()
    {
        using var response = await Person("alice").PutAsync(Path, Json(Layout(Enumerable.Range(0, 50).Select(i => ($"card{i}", i % 2 == 0)).ToArray())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(50, (await CardsOf(response)).Length);
    }

    [Fact]
    public async Task Malformed_json_and_oversized_bodies_are_problems()
    {
        using var malformed = await Person("alice").PutAsync(Path, Json("{\"cards\": ["));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);

        using var huge = await Person("alice").PutAsync(Path, Json($$"""{"cards":[],"padding":"{{new string('x', 20_000)}}"}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(0, await StoredLayouts());
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("member")]
    public async Task Only_dashboard_readers_have_a_layout(string role)
    {
        (await Person("alice").PutAsync(Path, Json(Layout(("dau", true))))).Dispose();
        var other = Person("alice", role);

        using var get = await other.GetAsync(Path);
        using var put = await other.PutAsync(Path, Json(Layout(("mrr", true))));
        using var delete = await other.DeleteAsync(Path);

        Assert.Equal(new[] { HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden }, new[] { get.StatusCode, put.StatusCode, delete.StatusCode });
        Assert.DoesNotContain("dau", await get.Content.ReadAsStringAsync());
        using var read = await Person("alice").GetAsync(Path);
        Assert.Equal([("dau", true)], await CardsOf(read));
    }

    [Fact]
    public async Task The_three_operations_are_in_the_openapi_document()
    {
        var document = await Service.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains($"\"{Path}\"", document);
        Assert.All(new[] { "GetCardLayout", "SaveCardLayout", "DeleteCardLayout" }, operation => Assert.Contains(operation, document));
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        var anonymous = Service.CreateClient();
        using var get = await anonymous.GetAsync(Path);
        using var put = await anonymous.PutAsync(Path, Json(Layout(("dau", true))));
        using var delete = await anonymous.DeleteAsync(Path);

        Assert.Equal(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized }, new[] { get.StatusCode, put.StatusCode, delete.StatusCode });
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await StoredLayouts());
    }
}
