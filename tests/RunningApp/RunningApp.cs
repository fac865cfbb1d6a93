using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Testing;

/// <summary>The whole app model (PostgreSQL, Redis, RabbitMQ, every service, the gateway) started exactly as
/// <c>./run.sh</c> declares it, on fresh data and random ports, with Aspire's own commands to stop and start a
/// resource and the process ids to pause or kill one.</summary>
/// <typeparam name="TAppHost">The app host's entry point (<c>Projects.ExecutiveDashboard_AppHost</c>).</typeparam>
public class RunningApp<TAppHost> : IAsyncDisposable where TAppHost : class
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromMinutes(2);
    private DistributedApplication _app = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task StartAppAsync(params string[] settings)
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<TAppHost>(
            // No demo data, even when the shell exported Demo__Enabled=true (as run.sh does): the callers count what they ingest.
            ["DcpPublisher:RandomizePorts=true", "Demo:Enabled=false", .. settings], cts.Token);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        // Every line each resource writes would otherwise reach the console too; the Aspire dashboard is where to read them.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

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

        Configure(builder);
        _app = await builder.BuildAsync(cts.Token);
        await _app.StartAsync(cts.Token);
        // The exports service starts after the gateway, whose overview it reads: wait for every service, not the gateway alone.
        foreach (var resource in ServiceCatalog.Proxied.Select(s => s.ResourceName).Append(ServiceCatalog.Gateway))
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
        }
        Gateway = _app.CreateHttpClient(ServiceCatalog.Gateway);

        // A service's first read pays its JIT and connection pools; in a loaded test run that alone can
        // pass the gateway's 3 s per-service timeout. Callers check answers, not cold starts: read until every
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
            // Still cold after the budget: start anyway; the callers' own checks say what was missing.
        }
    }

    /// <summary>Changes the app model before it starts, e.g. a resource's settings.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    /// <summary>Sets an environment variable of one resource (a setting, e.g. <c>RateLimiting__FailureBudget</c>).</summary>
    protected static void SetEnvironment(IDistributedApplicationTestingBuilder builder, string resource, string name, string value) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<IResourceWithEnvironment>().Single(r => r.Name == resource))
            .WithEnvironment(name, value);

    /// <summary>The platform's overview answers with every section; false for a failed or a degraded answer.</summary>
    public static async Task<bool> AnswersWholeAsync(HttpClient ceo, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await ceo.GetFromJsonAsync<JsonObject>("/api/executive/overview?workspace_id=all&timeframe=24h", cancellationToken);
            return answer?["meta"]?["degraded"]?.AsArray().Count == 0;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
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
            if (await WaitForExitAsync(resource, TimeSpan.FromSeconds(45), cancellationToken) || attempt >= 3)
            {
                return failures;
            }
        }
    }

    /// <summary>Starts a resource again (unless it is still running) and waits until its health check passes.</summary>
    public async Task StartAsync(string resource, CancellationToken cancellationToken)
    {
        // On a loaded machine the orchestrator now and then reports a restart as failed to start (seen once in a full run,
        // never alone): one more start tells that apart from a service that cannot start, which fails both.
        for (var attempt = 1; ; attempt++)
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
            try
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
                return;
            }
            catch (DistributedApplicationException) when (attempt == 1)
            {
            }
        }
    }

    /// <summary>Kills a project's service process at once (SIGKILL), as a crash would: no shutdown, no flush, no goodbye to its
    /// database or broker. A project runs as <c>dotnet run</c>, whose child is the service itself. Returns the killed
    /// process's id once the orchestrator has seen the resource exit.</summary>
    public async Task<int> KillAsync(string resource, CancellationToken cancellationToken)
    {
        var launcher = ProcessIdOf(resource);
        var service = ProcessSignals.Descendants(launcher).DefaultIfEmpty(launcher).First();
        ProcessSignals.Send(service, ProcessSignals.KillNow);
        if (!await WaitForExitAsync(resource, TimeSpan.FromMinutes(1), cancellationToken))
        {
            throw new InvalidOperationException($"{resource} did not exit after SIGKILL");
        }
        return service;
    }

    /// <summary>Whether the resource reached a terminal state (exited, finished, failed) within <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExitAsync(string resource, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(limit);
        try
        {
            await _app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates, wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The id of the process the orchestrator started for a resource (for a project, <c>dotnet run</c>,
    /// whose child is the service itself).</summary>
    public int ProcessIdOf(string resource) =>
        _app.ResourceNotifications.TryGetCurrentState(resource, out var current)
        && current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"'{resource}' has no process id (is it running?)");

    /// <summary>The state and health of every resource, e.g. <c>gateway: Running, Healthy</c>.</summary>
    public IReadOnlyList<(string Resource, string? State, string? Health)> States() =>
        _app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Select(r => _app.ResourceNotifications.TryGetCurrentState(r.Name, out var e)
                ? (r.Name, e.Snapshot.State?.Text, e.Snapshot.HealthStatus?.ToString())
                : (r.Name, (string?)null, (string?)null))
            .ToList();

    /// <summary>The state and health of each process of <paramref name="resources"/> (one per replica), by process, once
    /// each of them has <paramref name="replicas"/> processes running and healthy, or as they were when
    /// <paramref name="cancellationToken"/> ended the wait.</summary>
    public async Task<IReadOnlyDictionary<string, (string Resource, string? State, string? Health)>> ProcessesAsync(
        IReadOnlyCollection<string> resources, int replicas, CancellationToken cancellationToken)
    {
        var processes = new Dictionary<string, (string Resource, string? State, string? Health)>();
        bool Settled() => resources.All(r => processes.Values.Count(p => p.Resource == r && p is { State: "Running", Health: "Healthy" }) == replicas);
        try
        {
            // The watch replays every process's current state before its changes.
            await foreach (var change in _app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                if (resources.Contains(change.Resource.Name))
                {
                    processes[change.ResourceId] = (change.Resource.Name, change.Snapshot.State?.Text, change.Snapshot.HealthStatus?.ToString());
                    if (Settled())
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // As they were: the caller says what is missing.
        }
        return processes;
    }

    /// <summary>The connection string the app model gives a resource (a database), for a caller that must act on it directly.</summary>
    public async Task<string> ConnectionStringAsync(string resource) =>
        await _app.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"'{resource}' has no connection string");

    /// <summary>Where a resource's named endpoint listens (smtp4dev's <c>web</c>, for its received mails).</summary>
    public Uri EndpointOf(string resource, string endpoint) => _app.GetEndpoint(resource, endpoint);

    private ResourceCommandService Commands => _app.Services.GetRequiredService<ResourceCommandService>();

    /// <summary>A client with a fresh development token: each has a subject of its own (<c>dev:…</c>), named
    /// <paramref name="name"/> (default "E2E &lt;role&gt;").</summary>
    public async Task<HttpClient> SignInAsync(string role, string workspaces, string? name = null)
    {
        using var response = await Gateway.PostAsJsonAsync("/api/dev/token", new { role, workspaces, name = name ?? $"E2E {role}" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
