using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ExecutiveDashboard.AppHost;
using ExecutiveDashboard.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;

namespace ExecutiveDashboard.EndToEndTests;

/// <summary>The whole app model (PostgreSQL, Redis, RabbitMQ, every service, the gateway) started once
/// for the end-to-end tests, exactly as <c>./run.sh</c> declares it, on fresh data and random ports.</summary>
public sealed class DashboardApp : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromMinutes(2);
    private DistributedApplication _app = null!;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The alerts service's key pair, given to the app host as configuration (the gateway's it makes itself), so
    /// that tests can sign what the alerts service signs: tokens of the role <c>service</c>.</summary>
    public TestIssuer Alerts { get; } = new(TokenIssuer.Alerts.KeyId, TokenIssuer.Alerts.MaySign);

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ExecutiveDashboard_AppHost>(
            // No demo data, even when the shell exported Demo__Enabled=true (as run.sh does): the tests count what they ingest.
            ["DcpPublisher:RandomizePorts=true", "Demo:Enabled=false",
             $"{TokenKeyExtensions.SigningKeysSetting}:{Alerts.KeyId}={Alerts.PrivateKey}"], cts.Token);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        // Tests run without the Aspire dashboard, yet Aspire still points every service's OTLP exporter at
        // it (dotnet/aspire#3349): each service then spends ~10 s at shutdown flushing telemetry to nobody,
        // longer than the orchestrator waits for a stopped resource. No exporter, no wait.
        foreach (var resource in builder.Resources)
        {
            foreach (var otlp in resource.Annotations.OfType<OtlpExporterAnnotation>().ToList())
            {
                resource.Annotations.Remove(otlp);
            }
        }

        _app = await builder.BuildAsync(cts.Token);
        await _app.StartAsync(cts.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", cts.Token);
        Gateway = _app.CreateHttpClient("gateway");

        // A service's first read pays its JIT and connection pools; in a loaded test run that alone can
        // pass the gateway's 3 s per-service timeout. The tests check answers, not cold starts: read until every
        // service has answered once (a read that timed out warmed nothing, so one read is not enough).
        var ceo = await SignInAsync("ceo", "*");
        using var warmUp = new CancellationTokenSource(WarmUpTimeout);
        try
        {
            while (!await AnswersWholeAsync(ceo, warmUp.Token))
            {
                await Task.Delay(200, warmUp.Token);
            }
        }
        catch (OperationCanceledException) when (warmUp.IsCancellationRequested)
        {
            // Still cold after the budget: start anyway, as before; the tests' own assertions say what was missing.
        }
    }

    private static async Task<bool> AnswersWholeAsync(HttpClient ceo, CancellationToken cancellationToken)
    {
        using var response = await ceo.GetAsync("/api/executive/overview?workspace_id=all&timeframe=24h", cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return answer!["meta"]!["degraded"]!.AsArray().Count == 0;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Stops a resource of the app model with Aspire's own command (the dashboard's Stop button) and waits
    /// until it has exited. DCP gives a process about 10 s to exit after SIGTERM and reports a failed stop after
    /// that; the process still ends (the host's shutdown timeout), so a failed command is retried while waiting.</summary>
    /// <returns>The messages of failed stop attempts, for the test output.</returns>
    public async Task<IReadOnlyList<string>> StopAsync(string resource, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            var result = await Commands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
            if (!result.Success)
            {
                failures.Add($"stop attempt {attempt}: {result.Message}");
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(45));
            try
            {
                await _app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, wait.Token);
                return failures;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && attempt < 3)
            {
            }
        }
    }

    /// <summary>Starts a resource again (unless it is still running) and waits until its health check passes.</summary>
    public async Task StartAsync(string resource, CancellationToken cancellationToken)
    {
        var running = _app.ResourceNotifications.TryGetCurrentState(resource, out var current)
                      && current.Snapshot.State?.Text == KnownResourceStates.Running;
        if (!running)
        {
            var result = await Commands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
            if (!result.Success)
            {
                throw new InvalidOperationException($"Starting '{resource}' failed: {result.Message}");
            }
        }
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
    }

    /// <summary>The connection string the app model gives a resource (a database), for a test that must act on it directly.</summary>
    public async Task<string> ConnectionStringAsync(string resource) =>
        await _app.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"'{resource}' has no connection string");

    private ResourceCommandService Commands => _app.Services.GetRequiredService<ResourceCommandService>();

    public async Task<HttpClient> SignInAsync(string role, string workspaces)
    {
        using var response = await Gateway.PostAsJsonAsync("/api/dev/token", new { role, workspaces, name = $"E2E {role}" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardAppCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "dashboard-app";
}
