using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>
/// The gateway's limits (docs/security.md, Rate limits) on a real gateway over real Redis and RabbitMQ, the proxied
/// services replaced by <see cref="StubServices"/>. Every client here is 127.0.0.1, so the tests count statuses of
/// one address, and of tokens of different subjects; each test has its own gateway, so its limiters start full.
/// Buckets refill with time: the tests assert what holds however slow the machine is (the first burst passes, and a
/// long enough run meets a 429), never how long anything took. Failure budgets refill one a minute here.
/// </summary>
public sealed class RateLimitTests(RedisAndRabbitMqFixture servers) : IClassFixture<RedisAndRabbitMqFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const string ReadPath = "/api/alerts?workspace_id=ws_a";

    private readonly TestIssuer _key = GatewayReplica.NewIssuer();
    private readonly string _forgedToken = GatewayReplica.Token(GatewayReplica.NewIssuer(), "ceo", "*");
    private StubServices _services = null!;

    public async Task InitializeAsync() => _services = await StubServices.StartAsync();

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_flood_of_bad_tokens_gets_429s_once_its_address_has_spent_its_failure_budget_and_valid_tokens_still_pass()
    {
        await using var gateway = Gateway(new() { ["RateLimiting:FailureBudget"] = "5", ["RateLimiting:FailuresPerMinute"] = "1" });
        using var http = Client(gateway);

        var flood = await ForgedAsync(http, 6);
        // The budget refills in fractions of a unit (on a 100 ms timer): a fraction must not let a request in.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        flood.AddRange(await ForgedAsync(http, 9));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), flood.Take(5));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 10), flood.Skip(5));
        using (var anonymous = await SendAsync(http, HttpMethod.Get, "/api/auth/config", token: null))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, anonymous.StatusCode);
        }
        using var valid = await SendAsync(http, HttpMethod.Get, ReadPath, Token("ceo", "reader"));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_For_is_ignored_unless_the_peer_is_a_trusted_proxy()
    {
        var budget = new Dictionary<string, string> { ["RateLimiting:FailureBudget"] = "3", ["RateLimiting:FailuresPerMinute"] = "1" };
        await using (var direct = Gateway(budget))
        {
            using var http = Client(direct);
            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
                await ForgedFromAsync(http, "203.0.113.1", "203.0.113.2", "203.0.113.3"));
            Assert.Equal([HttpStatusCode.TooManyRequests], await ForgedFromAsync(http, "203.0.113.4"));
        }

        await using var proxied = Gateway(new(budget) { ["RateLimiting:TrustedProxies"] = "10.9.8.7, 127.0.0.0/8" });
        using var client = Client(proxied);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            await ForgedFromAsync(client, "203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.1"));
        // Whatever the client wrote before the last untrusted hop does not count: the client is 203.0.113.1 again.
        Assert.Equal([HttpStatusCode.TooManyRequests], await ForgedFromAsync(client, "198.51.100.9, 203.0.113.1"));
        // Through two trusted proxies, the client is still 203.0.113.1.
        Assert.Equal([HttpStatusCode.TooManyRequests], await ForgedFromAsync(client, "203.0.113.1, 10.9.8.7"));
        Assert.Equal([HttpStatusCode.Unauthorized], await ForgedFromAsync(client, "203.0.113.2"));
    }

    [Fact]
    public async Task Requests_without_a_valid_token_share_their_address_bucket_and_tokens_do_not()
    {
        await using var gateway = Gateway(new() { ["RateLimiting:AnonymousBurst"] = "3", ["RateLimiting:AnonymousPermitsPerSecond"] = "1" });
        using var http = Client(gateway);

        var passed = await UntilRefusedAsync(http, HttpMethod.Get, "/api/auth/config", token: null,
            "This address sent more than 1 requests per second without a valid token");

        AssertFirstBurstPassed(HttpStatusCode.OK, 3, passed);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), await StatusesAsync(http, HttpMethod.Get, ReadPath, Token("ceo", "reader"), 5));
    }

    [Fact]
    public async Task Each_token_has_a_bucket_of_its_own()
    {
        await using var gateway = Gateway(new() { ["RateLimiting:Burst"] = "5", ["RateLimiting:PermitsPerSecond"] = "1" });
        using var http = Client(gateway);

        var passed = await UntilRefusedAsync(http, HttpMethod.Get, ReadPath, Token("ceo", "greedy"), "This token sent more than 1 requests per second");

        AssertFirstBurstPassed(HttpStatusCode.OK, 5, passed);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), await StatusesAsync(http, HttpMethod.Get, ReadPath, Token("ceo", "modest"), 5));
    }

    [Fact]
    public async Task Ingest_batches_in_flight_are_capped_per_token_and_a_slot_frees_when_a_batch_is_stored()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var gateway = Gateway(new() { ["RateLimiting:IngestBatchesInFlight"] = "2" });
        using var http = Client(gateway);
        var tenantA = Token("ingest", "tenant-a");
        _services.Hold();

        var held = new[] { IngestAsync(http, "/api/executions/events", tenantA), IngestAsync(http, "/api/users/events", tenantA) };
        await _services.WaitForBatchesAsync(2, cts.Token);
        // Any spelling that routes to an ingest endpoint counts as one.
        foreach (var path in new[] { "/api/billing/events", "/API/Executions/Events/" })
        {
            using var third = await SendAsync(http, HttpMethod.Post, path, tenantA, "[]");
            await AssertTooManyRequestsAsync(third, "already has 2 ingest batches in flight");
        }
        using (var read = await SendAsync(http, HttpMethod.Get, ReadPath, tenantA))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
        var otherTenant = IngestAsync(http, "/api/executions/events", Token("ingest", "tenant-b"));
        await _services.WaitForBatchesAsync(3, cts.Token);
        _services.Release();

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted], await Task.WhenAll(held.Append(otherTenant)));
        // A slot frees when the gateway has finished with its batch, a moment after the client has the answer.
        while (await IngestAsync(http, "/api/executions/events", tenantA) is var status && status != HttpStatusCode.Accepted)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            await Task.Delay(50, cts.Token);
        }
    }

    [Fact]
    public async Task Ingest_batches_draw_from_a_bucket_of_their_own()
    {
        await using var gateway = Gateway(new() { ["RateLimiting:IngestBurst"] = "3", ["RateLimiting:IngestBatchesPerSecond"] = "1" });
        using var http = Client(gateway);
        var tenant = Token("ingest", "tenant-a");

        var passed = await UntilRefusedAsync(http, HttpMethod.Post, "/api/executions/events", tenant,
            "This token sent more than 1 ingest batches per second", "[]");

        AssertFirstBurstPassed(HttpStatusCode.Accepted, 3, passed);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 3),
            await StatusesAsync(http, HttpMethod.Post, "/api/executions/events", Token("ingest", "tenant-b"), 3, "[]"));
        using var read = await SendAsync(http, HttpMethod.Get, ReadPath, tenant);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_WebSockets_of_a_token_are_capped_before_the_upgrade_and_closing_one_frees_its_slot()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var gateway = Gateway(new() { ["RateLimiting:WebSocketsPerSubject"] = "3" });
        using var http = Client(gateway);
        var reader = Token("ceo", "reader");
        var sockets = new List<LiveSocket>();
        for (var i = 0; i < 3; i++)
        {
            sockets.Add(await LiveSocket.ConnectAsync(gateway.Address, reader, cts.Token));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await LiveSocket.UpgradeStatusAsync(gateway.Address, reader, cts.Token));
        using (var refused = await SendAsync(http, HttpMethod.Get, "/ws?access_token=" + reader, token: null))
        {
            await AssertTooManyRequestsAsync(refused, "already has 3 WebSockets open");
        }
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await LiveSocket.UpgradeStatusAsync(gateway.Address, Token("ceo", "other"), cts.Token));

        await sockets[0].DisposeAsync();
        // The slot frees when the server has finished with the closed socket, a moment after the close handshake.
        while (await LiveSocket.UpgradeStatusAsync(gateway.Address, reader, cts.Token) is var status && status != HttpStatusCode.SwitchingProtocols)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            await Task.Delay(50, cts.Token);
        }
        foreach (var socket in sockets.Skip(1))
        {
            await socket.DisposeAsync();
        }
    }

    [Fact]
    public async Task Health_probes_and_the_page_are_never_limited()
    {
        var page = Directory.CreateTempSubdirectory("limits-page-");
        Directory.CreateDirectory(Path.Combine(page.FullName, "assets"));
        await File.WriteAllTextAsync(Path.Combine(page.FullName, "index.html"), "<!doctype html><title>Dashboard</title>");
        await File.WriteAllTextAsync(Path.Combine(page.FullName, "assets", "app-1234.js"), "console.log(1)");
        try
        {
            await using var gateway = Gateway(new()
            {
                ["Web:Root"] = page.FullName,
                ["RateLimiting:AnonymousBurst"] = "1", ["RateLimiting:AnonymousPermitsPerSecond"] = "1",
                ["RateLimiting:FailureBudget"] = "1", ["RateLimiting:FailuresPerMinute"] = "1",
            });
            using var http = Client(gateway);
            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], await ForgedFromAsync(http, null, null));

            foreach (var path in new[] { "/alive", "/health", "/", "/assets/app-1234.js", "/some/shared/link" })
            {
                Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 20), await StatusesAsync(http, HttpMethod.Get, path, token: null, 20));
            }
        }
        finally
        {
            page.Delete(recursive: true);
        }
    }

    private GatewayReplica Gateway(Dictionary<string, string> settings) =>
        new(servers.Redis, servers.Broker, _key, settings: new Dictionary<string, string>(_services.Routes.Concat(settings)));

    private static HttpClient Client(GatewayReplica gateway) => new() { BaseAddress = gateway.Address, Timeout = Patience };

    private string Token(string role, string subject) => GatewayReplica.Token(_key, role, "*", subject: subject);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? token, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        return await http.SendAsync(request);
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient http, HttpMethod method, string path, string? token, int count,
        string? body = null)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await SendAsync(http, method, path, token, body);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    /// <summary>Sends the same request until it is refused (a bucket refills as time passes, so however slow the
    /// machine, a few hundred requests meet an empty one), checks the refusal and returns the statuses before it.</summary>
    private static async Task<List<HttpStatusCode>> UntilRefusedAsync(HttpClient http, HttpMethod method, string path, string? token,
        string reason, string? body = null)
    {
        var passed = new List<HttpStatusCode>();
        while (passed.Count < 300)
        {
            using var response = await SendAsync(http, method, path, token, body);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await AssertTooManyRequestsAsync(response, reason);
                return passed;
            }
            passed.Add(response.StatusCode);
        }
        throw new Xunit.Sdk.XunitException($"{method} {path}: {passed.Count} requests and no 429");
    }

    /// <summary>A bucket starts full: at least its burst passed, and nothing that passed was refused otherwise.</summary>
    private static void AssertFirstBurstPassed(HttpStatusCode success, int burst, List<HttpStatusCode> passed)
    {
        Assert.InRange(passed.Count, burst, int.MaxValue);
        Assert.All(passed, status => Assert.Equal(success, status));
    }

    private static async Task<HttpStatusCode> IngestAsync(HttpClient http, string path, string token)
    {
        using var response = await SendAsync(http, HttpMethod.Post, path, token, "[]");
        return response.StatusCode;
    }

    /// <summary>Reads with a forged token; checks every refusal.</summary>
    private async Task<List<HttpStatusCode>> ForgedAsync(HttpClient http, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await SendAsync(http, HttpMethod.Get, ReadPath, _forgedToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await AssertTooManyRequestsAsync(response, "refused for want of a valid token");
            }
        }
        return statuses;
    }

    /// <summary>A read with a forged token from each client that <c>X-Forwarded-For</c> names (none for null).</summary>
    private async Task<List<HttpStatusCode>> ForgedFromAsync(HttpClient http, params string?[] forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var client in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ReadPath);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _forgedToken);
            if (client is not null)
            {
                request.Headers.Add("X-Forwarded-For", client);
            }
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(429, (int?)problem!["status"]);
        Assert.Contains(reason, (string?)problem["detail"]);
    }
}
