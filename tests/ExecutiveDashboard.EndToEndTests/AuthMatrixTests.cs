using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Net;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.ServiceDefaults.Auth;
using ExecutiveDashboard.TestSupport;
using Npgsql;
using static ExecutiveDashboard.EndToEndTests.Events;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>
/// Who may do what through the gateway (docs/events.md, Auth): every role (and no token) × every scope × every surface
/// of the app, one test case per cell, against the whole app model with its real keys. Dev tokens come from the
/// gateway's <c>/api/dev/token</c>; the <c>service</c> role's from the alerts service's key, which the app host took
/// from configuration (<see cref="DashboardApp.Alerts"/>).
/// </summary>
/// <remarks>
/// Expected answers: no token 401; a role the surface does not admit 403; then the scope: a workspace the token
/// grants, or <c>all</c> with <c>*</c>, is allowed (any 2xx), another 403 — except an alert to acknowledge, which
/// is answered 404 like one that does not exist, and the rules' thresholds, which need <c>*</c> whatever the scope.
/// On <c>/ws</c> a refused subscription is a close with "policy violation", counted as 403.
/// </remarks>
[Collection(DashboardAppCollection.Name)]
public sealed class AuthMatrixTests(DashboardApp app)
{
    private const string Anonymous = "anonymous";
    private const string Own = "own workspace", Other = "other workspace", AllWithout = "all without *", AllWith = "all with *";
    private const string Granted = "mx_a", NotGranted = "mx_b", Allowed = "allowed";

    private static readonly string[] RolesInMatrix = [Roles.Ceo, Roles.Admin, Roles.Member, Roles.Ingest, Roles.Service, Anonymous];
    private static readonly string[] ScopeCases = [Own, Other, AllWithout, AllWith];
    private static readonly string[] Readers = [Roles.Ceo, Roles.Admin];
    private static readonly string[] SignalReaders = [Roles.Ceo, Roles.Admin, Roles.Service];
    private static readonly string[] Senders = [Roles.Ingest];

    private enum Access
    {
        /// <summary>The scope must be one the token grants.</summary>
        Scoped,

        /// <summary>Scoped, but a scope not granted is answered 404 (the alert "does not exist").</summary>
        ScopedHidden,

        /// <summary>No scope: the role alone decides.</summary>
        Unscoped,

        /// <summary>The platform grant <c>*</c>, whatever the scope.</summary>
        PlatformGrant,
    }

    private sealed record Surface(string[] Roles, Access Access, Func<Caller, string, Task<HttpStatusCode>> Call);

    private sealed record Caller(HttpClient Http, string? Token, Uri Gateway, IReadOnlyDictionary<string, Guid> Alerts);

    private static readonly Dictionary<string, Surface> Surfaces = new()
    {
        ["GET /api/executive/overview"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/executive/overview?workspace_id={s}&timeframe=24h")),
        ["GET /api/executions/overview"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/executions/overview?workspace_id={s}")),
        ["GET /api/users/overview"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/users/overview?workspace_id={s}")),
        ["GET /api/billing/overview"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/billing/overview?workspace_id={s}")),
        ["GET /api/executions/earliest"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/executions/earliest?workspace_id={s}")),
        ["GET /api/users/earliest"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/users/earliest?workspace_id={s}")),
        ["GET /api/billing/earliest"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/billing/earliest?workspace_id={s}")),
        ["POST /api/executions/signals"] = new(SignalReaders, Access.Scoped, (c, s) => PostAsync(c, "/api/executions/signals", new { scopes = new[] { s } })),
        ["POST /api/billing/signals"] = new(SignalReaders, Access.Scoped, (c, s) => PostAsync(c, "/api/billing/signals", new { scopes = new[] { s } })),
        ["POST /api/users/signals"] = new(SignalReaders, Access.Scoped, (c, s) => PostAsync(c, "/api/users/signals", new { scopes = new[] { s } })),
        ["POST /api/executions/events"] = new(Senders, Access.Scoped, (c, s) => PostAsync(c, "/api/executions/events",
            new[] { Run(NewId(), Workspace(s), "ag_mx", "Matrix Bot", "u_mx", true, Iso(DateTime.UtcNow.AddMinutes(-1)), 5, 1m) })),
        ["POST /api/users/events"] = new(Senders, Access.Scoped, (c, s) => PostAsync(c, "/api/users/events",
            new[] { Active(NewId(), Workspace(s), "u_mx", Iso(DateTime.UtcNow.AddMinutes(-1))) })),
        // The platform's own billing event, marketing spend, has the scope all.
        ["POST /api/billing/events"] = new(Senders, Access.Scoped, (c, s) => PostAsync(c, "/api/billing/events",
            new[] { s == "all" ? MarketingSpend(NewId(), Iso(DateTime.UtcNow.AddMinutes(-1)), 1m) : TrialEnded(NewId(), s, Iso(DateTime.UtcNow.AddMinutes(-1))) })),
        ["POST /api/users/names"] = new(Readers, Access.Scoped, (c, s) => PostAsync(c, "/api/users/names", new[] { new { workspaceId = s, userId = "u_mx" } })),
        ["GET /api/users/me/layout"] = new(Readers, Access.Unscoped, (c, _) => GetAsync(c, "/api/users/me/layout")),
        ["PUT /api/users/me/layout"] = new(Readers, Access.Unscoped, (c, _) => SendAsync(c, HttpMethod.Put, "/api/users/me/layout",
            new { cards = new[] { new { id = "mrr", visible = true } } })),
        ["GET /api/users/me/preferences"] = new(Readers, Access.Unscoped, (c, _) => GetAsync(c, "/api/users/me/preferences")),
        ["PUT /api/users/me/preferences"] = new(Readers, Access.Unscoped, (c, _) => SendAsync(c, HttpMethod.Put, "/api/users/me/preferences",
            new { timeZone = "Asia/Kolkata", weekStart = "monday" })),
        ["GET /api/alerts"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/alerts?workspace_id={s}&state=all")),
        ["POST /api/alerts/{id}/acknowledge"] = new(Readers, Access.ScopedHidden, (c, s) => PostAsync(c, $"/api/alerts/{c.Alerts[s]}/acknowledge", new { })),
        ["GET /api/alerts/overview"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/alerts/overview?workspace_id={s}")),
        ["GET /api/goals"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/goals?workspace_id={s}")),
        ["GET /api/alerts/rules"] = new(Readers, Access.Unscoped, (c, _) => GetAsync(c, "/api/alerts/rules")),
        // The default threshold, so that the cell changes nothing the other tests see.
        ["PUT /api/alerts/rules/{rule}"] = new(Readers, Access.PlatformGrant, (c, _) => SendAsync(c, HttpMethod.Put, "/api/alerts/rules/high-error-rate",
            new { minRuns = 20 })),
        ["GET /ws"] = new(Readers, Access.Scoped, SubscribeAsync),
        // A CSV: the fastest file. Each (role, grant) token exports at most twice, far below its 10 a minute.
        ["GET /api/exports/dashboard"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/exports/dashboard?workspace_id={s}&timeframe=24h&format=csv")),
        ["GET /api/exports/audit"] = new(Readers, Access.Scoped, (c, s) => GetAsync(c, $"/api/exports/audit?workspace_id={s}")),
        ["GET /api/exports/audit/verify"] = new(Readers, Access.PlatformGrant, (c, _) => GetAsync(c, "/api/exports/audit/verify")),
    };

    private static readonly SemaphoreSlim SetUpLock = new(1, 1);
    private static readonly Dictionary<(string Role, string Grant), string?> Tokens = [];
    private static Dictionary<string, Guid>? s_alerts;

    public static TheoryData<string, string, string> Cells()
    {
        var cells = new TheoryData<string, string, string>();
        foreach (var surface in Surfaces.Keys)
        {
            foreach (var role in RolesInMatrix)
            {
                foreach (var scope in ScopeCases)
                {
                    cells.Add(surface, role, scope);
                }
            }
        }
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_and_scope_gets_what_the_rules_allow(string surface, string role, string scopeCase)
    {
        var rule = Surfaces[surface];
        var (grant, scope) = scopeCase switch
        {
            Own => (Granted, Granted),
            Other => (Granted, NotGranted),
            AllWithout => (Granted, "all"),
            _ => (WorkspaceAccess.Everything, "all"),
        };
        var token = await TokenAsync(role, grant);
        using var http = new HttpClient { BaseAddress = app.Gateway.BaseAddress };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var status = await rule.Call(new Caller(http, token, app.Gateway.BaseAddress!, await AlertsAsync()), scope);

        Assert.Equal(Expected(rule, role, scopeCase), Outcome(status));
    }

    private static string Expected(Surface surface, string role, string scopeCase)
    {
        if (role == Anonymous)
        {
            return "401";
        }
        if (!surface.Roles.Contains(role))
        {
            return "403";
        }
        var visible = scopeCase is Own or AllWith;
        return surface.Access switch
        {
            Access.Unscoped => Allowed,
            Access.PlatformGrant => scopeCase == AllWith ? Allowed : "403",
            Access.ScopedHidden => visible ? Allowed : "404",
            _ => visible ? Allowed : "403",
        };
    }

    private static string Outcome(HttpStatusCode status) =>
        (int)status is >= 200 and < 300 || status == HttpStatusCode.SwitchingProtocols ? Allowed : ((int)status).ToString();

    /// <summary>The workspace an event goes to: the scope, or for the platform a workspace the token does not name.</summary>
    private static string Workspace(string scope) => scope == "all" ? "mx_any" : scope;

    private static string NewId() => $"mx-{Guid.NewGuid():N}";

    private async Task<string?> TokenAsync(string role, string grant)
    {
        if (role == Anonymous)
        {
            return null;
        }
        await SetUpLock.WaitAsync();
        try
        {
            if (!Tokens.TryGetValue((role, grant), out var token))
            {
                token = role == Roles.Service
                    ? app.Alerts.Token(Roles.Service, grant, "service:matrix", TimeSpan.FromHours(1))
                    : (await app.SignInAsync(role, grant)).DefaultRequestHeaders.Authorization!.Parameter;
                Tokens[(role, grant)] = token;
            }
            return token;
        }
        finally
        {
            SetUpLock.Release();
        }
    }

    /// <summary>One resolved alert per scope, written straight into the alerts database: acknowledging needs an alert
    /// to exist, and resolved ones change nothing the other tests read.</summary>
    private async Task<IReadOnlyDictionary<string, Guid>> AlertsAsync()
    {
        await SetUpLock.WaitAsync();
        try
        {
            if (s_alerts is null)
            {
                var alerts = new[] { Granted, NotGranted, "all" }.ToDictionary(scope => scope, _ => Guid.NewGuid());
                await using var connection = new NpgsqlConnection(await app.ConnectionStringAsync(ServiceCatalog.Alerts.Database));
                await connection.OpenAsync();
                foreach (var (scope, id) in alerts)
                {
                    await using var insert = new NpgsqlCommand("""
                        INSERT INTO alerts (id, scope, rule, severity, message, triggered_at, resolved_at)
                        VALUES ($1, $2, 'high-error-rate', 3, 'matrix', now() - interval '2 hours', now() - interval '1 hour')
                        """, connection);
                    insert.Parameters.Add(new NpgsqlParameter { Value = id });
                    insert.Parameters.Add(new NpgsqlParameter { Value = scope });
                    await insert.ExecuteNonQueryAsync();
                }
                s_alerts = alerts;
            }
            return s_alerts;
        }
        finally
        {
            SetUpLock.Release();
        }
    }

    private static async Task<HttpStatusCode> GetAsync(Caller caller, string path)
    {
        using var response = await caller.Http.GetAsync(path);
        return response.StatusCode;
    }

    private static Task<HttpStatusCode> PostAsync(Caller caller, string path, object body) => SendAsync(caller, HttpMethod.Post, path, body);

    private static async Task<HttpStatusCode> SendAsync(Caller caller, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        using var response = await caller.Http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The upgrade's status when refused; once upgraded, 200 for a confirmed subscription, 403 for one closed
    /// as a policy violation.</summary>
    private static async Task<HttpStatusCode> SubscribeAsync(Caller caller, string scope)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var upgrade = await LiveSocket.UpgradeStatusAsync(caller.Gateway, caller.Token, cts.Token);
        if (upgrade != HttpStatusCode.SwitchingProtocols)
        {
            return upgrade;
        }
        await using var socket = await LiveSocket.ConnectAsync(caller.Gateway, caller.Token, cts.Token);
        await socket.SendAsync(new JsonObject { ["subscribe"] = scope }.ToJsonString(), cts.Token);
        return await socket.ReceiveAsync(cts.Token) switch
        {
            { } frame when (string?)frame["event"] == "subscribed" => HttpStatusCode.OK,
            null when socket.CloseStatus == WebSocketCloseStatus.PolicyViolation => HttpStatusCode.Forbidden,
            var other => throw new InvalidOperationException($"/ws answered {other?.ToJsonString()} {socket.CloseStatus} {socket.CloseReason}"),
        };
    }
}
