using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExecutiveDashboard.Contracts.Dashboard;
using ExecutiveDashboard.Contracts.IntegrationEvents;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutiveDashboard.Alerts.IntegrationTests;

/// <summary>Annotations over the real service and database: what is stored and read back, which overview shows which,
/// what a token may write, read and delete, and that a refused request stores nothing.</summary>
[Collection(ServersCollection.Name)]
public sealed class AnnotationsTests(AlertsServersFixture servers)
{
    private static StringContent Body(string at, string scope, string kind, string text) => new(
        JsonSerializer.Serialize(new { at, scope, kind, text, ignored = new[] { 1, 2 } }), Encoding.UTF8, "application/json");

    private static async Task<Annotation> AddAsync(HttpClient client, DateTime at, string scope, string kind, string text)
    {
        using var response = await client.PostAsync("/api/annotations", Body(Iso(at), scope, kind, text));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var stored = (await response.Content.ReadFromJsonAsync<Annotation>())!;
        Assert.Equal($"/api/annotations/{stored.Id}", response.Headers.Location?.OriginalString);
        return stored;
    }

    private static async Task<AlertsOverview> OverviewAsync(AlertsService service, HttpClient client, string scope, string timeframe, DateTime asOf)
    {
        using var response = await client.GetAsync($"/api/alerts/overview?workspace_id={scope}&timeframe={timeframe}&asOf={Uri.EscapeDataString(Iso(asOf))}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AlertsOverview>())!;
    }

    [Fact]
    public async Task An_annotation_is_stored_as_sent_with_its_author_and_listed_with_the_platform_ones()
    {
        await using var service = servers.NewService();
        var at = new DateTime(2026, 11, 30, 9, 15, 0, 500, DateTimeKind.Utc);
        var deploy = await AddAsync(service.ClientFor(Roles.Ingest, "ws_a", subject: "ci-bot"), at, "ws_a", "deploy", "Release 4.2: faster \"agent\" start — ünïcode ✓");
        Assert.Equal((at, "ws_a", "deploy", "Release 4.2: faster \"agent\" start — ünïcode ✓"), (deploy.At, deploy.Scope, deploy.Kind, deploy.Text));
        var platform = await AddAsync(service.Ceo, at.AddHours(1), "all", "incident", "Provider outage");
        await AddAsync(service.Ceo, at, "ws_b", "note", "Another workspace's note");

        Assert.Equal(1, await service.ScalarAsync(
            $"SELECT count(*) FROM annotations WHERE id = '{deploy.Id}' AND created_by = 'ci-bot' AND created_at = '{Iso(service.Now)}'"));

        var listed = await service.ClientFor(Roles.Admin, "ws_a").GetFromJsonAsync<List<Annotation>>("/api/annotations?workspace_id=ws_a");
        Assert.Equal([deploy, platform], listed);
        var window = await service.Ceo.GetFromJsonAsync<List<Annotation>>(
            $"/api/annotations?workspace_id=ws_a&from={Uri.EscapeDataString(Iso(at.AddMinutes(1)))}&to={Uri.EscapeDataString(Iso(at.AddHours(1)))}");
        Assert.Empty(window!); // from is inclusive, to exclusive: the deploy is before, the outage at the end
        Assert.Equal([platform], await service.Ceo.GetFromJsonAsync<List<Annotation>>("/api/annotations?workspace_id=all"));
    }

    [Fact]
    public async Task The_overview_holds_the_annotations_of_its_scope_and_the_platform_in_its_period_and_no_other_workspace()
    {
        await using var service = servers.NewService();
        var asOf = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
        var start = await AddAsync(service.Ceo, asOf.AddHours(-24), "ws_a", "campaign", "Black Friday mail"); // the period's first instant
        var platform = await AddAsync(service.Ceo, asOf.AddHours(-3), "all", "deploy", "Platform 7.0");
        var late = await AddAsync(service.Ceo, asOf.AddMilliseconds(-1), "ws_a", "incident", "Queue stuck");
        var atAsOf = await AddAsync(service.Ceo, asOf, "ws_a", "note", "At asOf: after the period");
        await AddAsync(service.Ceo, asOf.AddHours(-24).AddMilliseconds(-1), "ws_a", "note", "Before the period");
        var other = await AddAsync(service.Ceo, asOf.AddHours(-2), "ws_b", "incident", "Only ws_b's");

        var ceoOfA = service.ClientFor(Roles.Ceo, "ws_a");
        Assert.Equal([start, platform, late], (await OverviewAsync(service, ceoOfA, "ws_a", "24h", asOf)).Annotations);
        Assert.Equal([platform, other], (await OverviewAsync(service, service.Ceo, "ws_b", "24h", asOf)).Annotations);
        Assert.Equal([platform], (await OverviewAsync(service, service.Ceo, "all", "24h", asOf)).Annotations);
        // One millisecond later: the first drops out of the period, the one at the old asOf comes in.
        Assert.Equal([platform, late, atAsOf], (await OverviewAsync(service, ceoOfA, "ws_a", "24h", asOf.AddMilliseconds(1))).Annotations);
        Assert.Empty((await OverviewAsync(service, ceoOfA, "ws_a", "all", asOf)).Annotations); // all without start: no events, an empty period
        using var forbidden = await ceoOfA.GetAsync($"/api/alerts/overview?workspace_id=ws_b&timeframe=24h");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task A_write_tells_the_scope_that_its_annotations_changed_and_a_platform_one_every_known_scope()
    {
        await using var service = servers.NewService();
        var batches = new System.Collections.Concurrent.ConcurrentQueue<MetricsChangedBatch>();
        var handle = service.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint($"annotations-test-{Guid.NewGuid():N}", endpoint =>
            endpoint.Handler<MetricsChangedBatch>(c =>
            {
                if (c.Message.Changes.Any(change => change.Service == "alerts"))
                {
                    batches.Enqueue(c.Message);
                }
                return Task.CompletedTask;
            }));
        await handle.Ready;
        try
        {
            // Two workspaces the service has heard of, as the executions service tells it of changed numbers.
            await service.Services.GetRequiredService<IBus>().Publish(new MetricsChangedBatch(
                [new MetricsChanged("ws_k1", "executions", service.Now, [Sections.ExecutionMetrics]), new MetricsChanged("ws_k2", "executions", service.Now, [Sections.ExecutionMetrics])]));
            await Poll.UntilAsync("both workspaces known", async () =>
                await service.ScalarAsync("SELECT count(*) FROM known_scopes WHERE scope IN ('ws_k1', 'ws_k2')") == 2, TimeSpan.FromSeconds(20));

            await AddAsync(service.Ceo, service.Now, "ws_c", "note", "hello");
            await Poll.UntilAsync("the note's change", () => batches.Count == 1, TimeSpan.FromSeconds(20));
            var change = Assert.Single(batches.Single().Changes);
            Assert.Equal(("ws_c", "alerts"), (change.WorkspaceId, change.Service));
            Assert.Equal([Sections.Annotations], change.Sections);

            await AddAsync(service.Ceo, service.Now, "all", "deploy", "everywhere");
            await Poll.UntilAsync("the platform note's change", () => batches.Count == 2, TimeSpan.FromSeconds(20));
            var platform = batches.Last().Changes;
            Assert.Equal(["all", "ws_k1", "ws_k2"], platform.Select(c => c.WorkspaceId).Order(StringComparer.Ordinal));
            Assert.All(platform, c => Assert.Equal([Sections.Annotations], c.Sections));
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    [Fact]
    public async Task Writes_reads_and_deletes_are_held_to_the_role_and_the_granted_workspaces()
    {
        await using var service = servers.NewService();
        var at = Iso(service.Now.AddHours(-1));
        var stored = await AddAsync(service.Ceo, service.Now.AddHours(-1), "ws_a", "note", "kept");
        var platform = await AddAsync(service.Ingest, service.Now.AddHours(-1), "all", "deploy", "platform deploy");

        var refused = new (string Name, HttpClient Client, HttpMethod Method, string Path, string? Scope, HttpStatusCode Status)[]
        {
            ("no token", service.CreateClient(), HttpMethod.Post, "/api/annotations", "ws_a", HttpStatusCode.Unauthorized),
            ("member", service.ClientFor(Roles.Member, "ws_a"), HttpMethod.Post, "/api/annotations", "ws_a", HttpStatusCode.Forbidden),
            ("ceo of ws_a for ws_b", service.ClientFor(Roles.Ceo, "ws_a"), HttpMethod.Post, "/api/annotations", "ws_b", HttpStatusCode.Forbidden),
            ("ingest of ws_a for all", service.ClientFor(Roles.Ingest, "ws_a"), HttpMethod.Post, "/api/annotations", "all", HttpStatusCode.Forbidden),
            ("admin of ws_a for all", service.ClientFor(Roles.Admin, "ws_a ws_b"), HttpMethod.Post, "/api/annotations", "all", HttpStatusCode.Forbidden),
            ("no token reads", service.CreateClient(), HttpMethod.Get, "/api/annotations?workspace_id=ws_a", null, HttpStatusCode.Unauthorized),
            ("ingest reads", service.ClientFor(Roles.Ingest, "*"), HttpMethod.Get, "/api/annotations?workspace_id=ws_a", null, HttpStatusCode.Forbidden),
            ("member reads", service.ClientFor(Roles.Member, "ws_a"), HttpMethod.Get, "/api/annotations?workspace_id=ws_a", null, HttpStatusCode.Forbidden),
            ("ceo of ws_b reads ws_a", service.ClientFor(Roles.Ceo, "ws_b"), HttpMethod.Get, "/api/annotations?workspace_id=ws_a", null, HttpStatusCode.Forbidden),
            ("ceo of ws_a reads all", service.ClientFor(Roles.Ceo, "ws_a"), HttpMethod.Get, "/api/annotations?workspace_id=all", null, HttpStatusCode.Forbidden),
            ("no token deletes", service.CreateClient(), HttpMethod.Delete, $"/api/annotations/{stored.Id}", null, HttpStatusCode.Unauthorized),
            ("ingest deletes", service.ClientFor(Roles.Ingest, "*"), HttpMethod.Delete, $"/api/annotations/{stored.Id}", null, HttpStatusCode.Forbidden),
            ("ceo of ws_b deletes ws_a's", service.ClientFor(Roles.Ceo, "ws_b"), HttpMethod.Delete, $"/api/annotations/{stored.Id}", null, HttpStatusCode.NotFound),
            ("ceo of ws_a deletes the platform's", service.ClientFor(Roles.Ceo, "ws_a"), HttpMethod.Delete, $"/api/annotations/{platform.Id}", null, HttpStatusCode.NotFound),
            ("an unknown id", service.Ceo, HttpMethod.Delete, $"/api/annotations/{Guid.NewGuid()}", null, HttpStatusCode.NotFound),
            ("not an id", service.Ceo, HttpMethod.Delete, "/api/annotations/x'%20OR%201=1", null, HttpStatusCode.NotFound),
        };
        await Rows.ExpectAllAsync(refused.Select<(string Name, HttpClient Client, HttpMethod Method, string Path, string? Scope, HttpStatusCode Status), Func<Task<string?>>>(
            row => async () =>
            {
                using var request = new HttpRequestMessage(row.Method, row.Path)
                {
                    Content = row.Scope is null ? null : Body(at, row.Scope, "note", "refused"),
                };
                using var response = await row.Client.SendAsync(request);
                return await Rows.ProblemFailureAsync(response, row.Status, named: null) is { } failure ? $"{row.Name}: {failure}" : null;
            }));
        Assert.Equal(2, await service.ScalarAsync("SELECT count(*) FROM annotations"));

        using (var deleted = await service.ClientFor(Roles.Admin, "ws_a").DeleteAsync($"/api/annotations/{stored.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        using (var again = await service.Ceo.DeleteAsync($"/api/annotations/{stored.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }
        Assert.Equal([platform], await service.Ceo.GetFromJsonAsync<List<Annotation>>("/api/annotations?workspace_id=ws_a"));
    }

    [Fact]
    public async Task A_refused_body_stores_nothing_and_names_each_bad_field()
    {
        await using var service = servers.NewService();
        var now = service.Now;
        var rows = new (string Name, string Body, string? ContentType, HttpStatusCode Status, string[] Fields)[]
        {
            ("everything wrong", """{ "at": "yesterday", "scope": "*", "kind": "release", "text": "" }""", "application/json",
                HttpStatusCode.BadRequest, ["at", "scope", "kind", "text"]),
            ("nothing", "{}", "application/json", HttpStatusCode.BadRequest, ["at", "scope", "kind", "text"]),
            ("501 characters", Json(now, "ws_a", "note", new string('x', 501)), "application/json", HttpStatusCode.BadRequest, ["text"]),
            ("a newline", Json(now, "ws_a", "note", "two\\nlines"), "application/json", HttpStatusCode.BadRequest, ["text"]),
            ("a tab", Json(now, "ws_a", "note", "a\\tb"), "application/json", HttpStatusCode.BadRequest, ["text"]),
            ("NUL", Json(now, "ws_a", "note", "a\\u0000b"), "application/json", HttpStatusCode.BadRequest, ["text"]),
            ("a lone surrogate", Json(now, "ws_a", "note", "a\\ud800b"), "application/json", HttpStatusCode.BadRequest, ["text"]),
            ("blank", Json(now, "ws_a", "note", "   "), "application/json", HttpStatusCode.BadRequest, ["text"]),
            ("a number as text", $$"""{ "at": "{{Iso(now)}}", "scope": "ws_a", "kind": "note", "text": 5 }""", "application/json", HttpStatusCode.BadRequest, ["text"]),
            ("kind in capitals", Json(now, "ws_a", "Deploy", "x"), "application/json", HttpStatusCode.BadRequest, ["kind"]),
            ("at two days ahead", Json(now.AddDays(2), "ws_a", "note", "x"), "application/json", HttpStatusCode.BadRequest, ["at"]),
            ("at before 2000", """{ "at": "1999-12-31T23:59:59Z", "scope": "ws_a", "kind": "note", "text": "x" }""", "application/json", HttpStatusCode.BadRequest, ["at"]),
            ("at without an offset", """{ "at": "2026-11-29T12:00:00", "scope": "ws_a", "kind": "note", "text": "x" }""", "application/json", HttpStatusCode.BadRequest, ["at"]),
            ("a path as scope", Json(now, "../..", "note", "x"), "application/json", HttpStatusCode.BadRequest, ["scope"]),
            ("an array", "[]", "application/json", HttpStatusCode.BadRequest, ["$"]),
            ("not JSON", "{ at: 1", "application/json", HttpStatusCode.BadRequest, []),
            ("over 8 KiB", Json(now, "ws_a", "note", "x") + new string(' ', 8 * 1024), "application/json", HttpStatusCode.RequestEntityTooLarge, []),
            ("text/plain", Json(now, "ws_a", "note", "x"), "text/plain", HttpStatusCode.UnsupportedMediaType, []),
        };
        await Rows.ExpectAllAsync(rows.SelectMany(row => (row.Fields.Length == 0 ? [(string?)null] : row.Fields.Select(f => (string?)f)).Select<string?, Func<Task<string?>>>(
            field => async () =>
            {
                using var content = new StringContent(row.Body, Encoding.UTF8);
                content.Headers.ContentType = row.ContentType is null ? null : new(row.ContentType);
                using var response = await service.Ceo.PostAsync("/api/annotations", content);
                return await Rows.ProblemFailureAsync(response, row.Status, field) is { } failure ? $"{row.Name}: {failure}" : null;
            })));
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM annotations"));

        // The bounds themselves are accepted: 500 characters, and at one day after now.
        await AddAsync(service.Ceo, now.AddDays(1), "ws_a", "note", new string('x', 500));
    }

    private static string Json(DateTime at, string scope, string kind, string text) =>
        $$"""{ "at": "{{Iso(at)}}", "scope": "{{scope}}", "kind": "{{kind}}", "text": "{{text}}" }""";
}
