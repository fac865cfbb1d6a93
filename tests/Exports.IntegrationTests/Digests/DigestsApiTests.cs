using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExecutiveDashboard.Exports.Digests;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;
using NodaTime;
using static ExecutiveDashboard.TestSupport.HostileInputs;

namespace ExecutiveDashboard.Exports.IntegrationTests.Digests;

/// <summary><c>GET/PUT/DELETE /api/users/me/digests</c>: who may, what is kept for whom, and what is refused at the edge.</summary>
[Collection(DigestsCollection.Name)]
public sealed class DigestsApiTests(ExportsServersFixture servers, SmtpServer smtp) : DigestTests(servers, smtp)
{
    [Fact]
    public async Task Without_a_token_it_is_401_and_for_a_member_or_ingest_403()
    {
        using var anonymous = Service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(DigestsApiRoute)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PutAsync(anonymous, ValidDigests)).StatusCode);
        foreach (var role in new[] { Roles.Member, Roles.Ingest })
        {
            var client = Person("u_x", "*", role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(DigestsApiRoute)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(client, ValidDigests)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync(DigestsApiRoute)).StatusCode);
        }
        Assert.Equal(0, await Service.ScalarAsync("SELECT count(*) FROM digest_subscriptions"));
    }

    [Fact]
    public async Task A_person_keeps_a_list_of_digests_due_at_their_local_time_and_sees_only_their_own()
    {
        var dana = Person("u_dana", "ws_1 ws_2");
        Assert.Empty((await ListAsync(dana)).Digests);

        var saved = await SaveAsync(dana, Body(Weekly("ws_1", "dana@example.com"), Daily("ws_2", "dana@example.com", "18:30", "Asia/Kolkata")));

        Assert.Equal(["ws_1", "ws_2"], saved.Digests.Select(d => d.Scope));
        var weekly = saved.Digests[0].NextDueAt;
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(weekly, DateTimeKind.Utc)).InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]);
        Assert.Equal((IsoDayOfWeek.Monday, new LocalTime(9, 0)), (local.DayOfWeek, local.TimeOfDay));
        Assert.InRange(weekly, Service.Now, Service.Now.AddDays(7));
        Assert.True(saved.Digests.All(d => d.Granted && d.LastSend is null));
        Assert.Empty((await ListAsync(Person("u_eve", "*"))).Digests);

        // Kept by id, changed; a new one added; the other removed.
        var kept = saved.Digests[1].Id;
        var edited = await SaveAsync(dana, $$"""
            { "digests": [ { "id": "{{kept}}", "scope": "ws_2", "cadence": "weekly", "weekday": "friday", "localTime": "17:00", "timeZone": "Asia/Kolkata", "email": "d2@example.com" },
                           { "scope": "ws_1", "cadence": "daily", "localTime": "07:00", "timeZone": "UTC", "email": "d3@example.com" } ] }
            """);
        Assert.Equal(kept, edited.Digests[0].Id);
        Assert.Equal(("weekly", "friday", "d2@example.com"), (edited.Digests[0].Cadence, edited.Digests[0].Weekday, edited.Digests[0].Email));
        Assert.NotEqual(saved.Digests[0].Id, edited.Digests[1].Id);
        Assert.Equal(2, await Service.ScalarAsync("SELECT count(*) FROM digest_subscriptions"));

        // Another person's id does not reach their digest.
        await SaveAsync(Person("u_eve", "*"), $$"""{ "digests": [ { "id": "{{kept}}", "scope": "all", "cadence": "daily", "localTime": "07:00", "timeZone": "UTC", "email": "eve@example.com" } ] }""");
        Assert.Equal("d2@example.com", (await ListAsync(dana)).Digests[0].Email);

        using var deleted = await dana.DeleteAsync(DigestsApiRoute);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await ListAsync(dana)).Digests);
        Assert.Single((await ListAsync(Person("u_eve", "*"))).Digests);
    }

    [Theory]
    [InlineData("ws_1", "ws_3", "workspace 'ws_3'")]
    [InlineData("ws_1 ws_2", "all", "'all'")]
    public async Task A_scope_the_token_does_not_grant_is_403_and_nothing_is_stored(string grants, string scope, string named)
    {
        var client = Person("u_dana", grants);
        await SaveAsync(client, Body(Weekly("ws_1", "dana@example.com")));

        using var response = await PutAsync(client, Body(Daily("ws_1", "dana@example.com"), Daily(scope, "dana@example.com")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"digests[1].scope", await response.Content.ReadAsStringAsync());
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
        Assert.Equal("weekly", Assert.Single((await ListAsync(client)).Digests).Cadence);
    }

    [Fact]
    public async Task Every_hostile_body_is_a_4xx_problem_and_nothing_is_stored()
    {
        var client = Person("u_hostile", "*");
        HttpContent Raw(RawBody body) => body.ToContent();
        await Rows.ExpectAllAsync(
        [
            .. InvalidDigests.Select(row => Row($"{row.Key}", () => client.PutAsync(DigestsApiRoute, Raw(Json(row.Value.Body))), HttpStatusCode.BadRequest, row.Value.Field)),
            .. MalformedBodies.Select(row => Row(row.Key, () => client.PutAsync(DigestsApiRoute, Raw(row.Value)), HttpStatusCode.BadRequest, null)),
            .. WrongContentTypes.Select(row => Row(row.Key, () => client.PutAsync(DigestsApiRoute, Raw(new RawBody(Encoding.UTF8.GetBytes(ValidDigests), row.Value))),
                HttpStatusCode.UnsupportedMediaType, null)),
            Row("20 KiB body", () => client.PutAsync(DigestsApiRoute, Raw(Json($$"""{ "digests": [], "pad": "{{new string('x', 20 * 1024)}}" }"""))),
                HttpStatusCode.RequestEntityTooLarge, null),
        ]);
        Assert.Equal(0, await Service.ScalarAsync("SELECT count(*) FROM digest_subscriptions"));

        // The table's valid body is accepted.
        await SaveAsync(client, ValidDigests);
    }

    private static Func<Task<string?>> Row(string name, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, string? named) => async () =>
    {
        using var response = await send();
        return await Rows.ProblemFailureAsync(response, expected, named) is { } failure ? $"{name}: {failure}" : null;
    };
}
