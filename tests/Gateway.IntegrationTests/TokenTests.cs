using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>The gateway's side of docs/security.md (Tokens): the development tokens it issues, and the tokens it refuses.</summary>
public sealed class TokenTests(RedisAndRabbitMqFixture servers) : IClassFixture<RedisAndRabbitMqFixture>, IAsyncLifetime
{
    private readonly TestIssuer _issuer = GatewayReplica.NewIssuer();
    private GatewayReplica _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new GatewayReplica(servers.Redis, servers.Broker, _issuer);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("", "role")]
    [InlineData("""{}""", "role")]
    [InlineData("""{"workspaces":"*"}""", "role")]
    [InlineData("""{"role":null,"workspaces":"*"}""", "role")]
    [InlineData("""{"role":"service","workspaces":"*"}""", "role")]
    [InlineData("""{"role":"CEO","workspaces":"*"}""", "role")]
    [InlineData("""{"role":"ceo"}""", "workspaces")]
    [InlineData("""{"role":"ceo","workspaces":"  "}""", "workspaces")]
    [InlineData("""{"role":"ceo","workspaces":"ws_1 ../ws_2"}""", "workspaces")]
    [InlineData("""{"role":"ceo","workspaces":"**"}""", "workspaces")]
    [InlineData("""{"role":"ceo","workspaces":"ws_1\tws_2"}""", "workspaces")]
    [InlineData("""{"role":"ceo","workspaces":"*","name":"Ann\u0000"}""", "name")]
    [InlineData("""{"role":"ceo","workspaces":"*","name":"Ann\r\nBob"}""", "name")]
    public async Task A_dev_token_needs_an_explicit_role_and_valid_workspaces_and_name(string body, string field)
    {
        using var response = await AskAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]![field] is JsonArray, $"errors name '{field}': {problem.ToJsonString()}");
    }

    [Fact]
    public async Task Too_long_a_name_or_too_many_workspaces_is_refused()
    {
        using var longName = await AskAsync(new JsonObject { ["role"] = "ceo", ["workspaces"] = "*", ["name"] = new string('n', 257) }.ToJsonString());
        using var manyWorkspaces = await AskAsync(new JsonObject
        {
            ["role"] = "ceo", ["workspaces"] = string.Join(' ', Enumerable.Range(0, 101).Select(i => $"ws_{i}")),
        }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, manyWorkspaces.StatusCode);
    }

    [Fact]
    public async Task Each_dev_token_has_a_subject_of_its_own_the_asked_claims_and_a_12_hour_life()
    {
        var one = await IssueAsync("""{"role":"admin","workspaces":"ws_1 ws_2","name":"Ann Smith"}""");
        var two = await IssueAsync("""{"role":"admin","workspaces":"ws_1 ws_2","name":"Ann Smith"}""");

        Assert.NotEqual(one.Subject, two.Subject);
        Assert.All(new[] { one, two }, token =>
        {
            Assert.StartsWith("dev:", token.Subject);
            Assert.DoesNotContain("ann", token.Subject, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("admin", token.GetClaim(Roles.RoleClaim).Value);
            Assert.Equal("ws_1 ws_2", token.GetClaim(Roles.WorkspacesClaim).Value);
            Assert.Equal("Ann Smith", token.GetClaim(Roles.NameClaim).Value);
            Assert.Equal("ES256", token.Alg);
            Assert.Equal(TokenIssuer.Gateway.KeyId, token.Kid);
            Assert.Equal(TokenRules.MaxPersonLifetime, token.ValidTo - token.IssuedAt);
        });
        // And the gateway takes it: past authentication and authorization, /ws only asks for a WebSocket.
        Assert.Equal(HttpStatusCode.BadRequest, (await WsAsync(one.EncodedToken)).Status);
    }

    [Fact]
    public async Task A_name_left_out_names_the_role()
    {
        var token = await IssueAsync("""{"role":"ingest","workspaces":"*"}""");

        Assert.Equal("Local ingest", token.GetClaim(Roles.NameClaim).Value);
    }

    [Fact]
    public async Task The_dev_token_endpoint_is_not_there_outside_development()
    {
        await using var production = new GatewayReplica(servers.Redis, servers.Broker, _issuer, environment: "Production");
        using var client = new HttpClient { BaseAddress = production.Address };

        using var response = await client.PostAsync("/api/dev/token",
            new StringContent("""{"role":"ceo","workspaces":"*"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Forged_altered_out_of_date_or_overlong_tokens_are_401_problems()
    {
        var forged = new ForgedTokens(_issuer, TestIssuer.ServiceOnly);
        var (person, service) = forged.Genuine();
        // Their honest twins pass: the person's reaches /ws's own check (no WebSocket), the service's is authenticated
        // and only then refused (/ws is for dashboard readers). So each 401 below is the forgery's.
        Assert.Equal(HttpStatusCode.BadRequest, (await WsAsync(person)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await WsAsync(service)).Status);

        var refused = forged.Refused().Append(KeyValuePair.Create("gateway key claiming service",
            _issuer.Token(Roles.Service, "*", lifetime: TimeSpan.FromMinutes(10))));
        var mismatches = new List<string>();
        foreach (var (forgery, token) in refused)
        {
            var answer = await WsAsync(token);
            if (answer is not (HttpStatusCode.Unauthorized, "application/problem+json"))
            {
                mismatches.Add($"{forgery}: {answer}");
            }
        }
        Assert.True(mismatches.Count == 0, $"Accepted or answered otherwise:\n{string.Join('\n', mismatches)}");
    }

    [Fact]
    public async Task A_token_refused_for_its_lifetime_is_told_why()
    {
        using var client = new HttpClient { BaseAddress = _gateway.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            _issuer.Token(Roles.Ceo, "*", lifetime: TokenRules.MaxPersonLifetime + TimeSpan.FromHours(1)));

        using var response = await client.GetAsync("/ws");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("The token is valid for longer than 12 h, the most its role may be.", (string?)problem["detail"]);
    }

    private async Task<HttpResponseMessage> AskAsync(string body)
    {
        using var client = new HttpClient { BaseAddress = _gateway.Address };
        return await client.PostAsync("/api/dev/token", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    private async Task<JsonWebToken> IssueAsync(string body)
    {
        using var response = await AskAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new JsonWebToken((await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>());
    }

    private async Task<(HttpStatusCode Status, string? Type)> WsAsync(string token)
    {
        using var client = new HttpClient { BaseAddress = _gateway.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/ws");
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType);
    }
}
