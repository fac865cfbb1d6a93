using System.Collections.Concurrent;
using ExecutiveDashboard.Contracts.Services;
using ExecutiveDashboard.Gateway.Overview;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecutiveDashboard.Gateway.IntegrationTests;

/// <summary>
/// What the gateway proxies to, in place of the services, for tests of the gateway's own behaviour: any request gets
/// a 200 at once, an ingest batch a 202, unless <see cref="Hold"/> keeps batches waiting (in flight at the gateway)
/// until <see cref="Release"/>, and a GET of a path given in <c>answers</c> its JSON. It remembers what it was asked
/// (<see cref="Requests"/>).
/// </summary>
public sealed class StubServices : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();
    private TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _batches;

    private StubServices(WebApplication app)
    {
        _app = app;
        _open.SetResult();
    }

    public static async Task<StubServices> StartAsync(IReadOnlyDictionary<string, string>? answers = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var stub = new StubServices(builder.Build());
        stub._app.Use((context, next) =>
        {
            stub._requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            return next(context);
        });
        stub._app.MapPost("/api/{service}/events", async (HttpContext context) =>
        {
            Interlocked.Increment(ref stub._batches);
            await Volatile.Read(ref stub._open).Task.WaitAsync(context.RequestAborted);
            return Results.Accepted();
        });
        foreach (var (path, json) in answers ?? new Dictionary<string, string>())
        {
            stub._app.MapGet(path, () => Results.Text(json, "application/json"));
        }
        stub._app.MapFallback(() => Results.Ok(new { }));
        await stub._app.StartAsync();
        return stub;
    }

    /// <summary>Every request that reached a service so far, in order: its method and path (without the query).</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Ingest batches that reached a service so far.</summary>
    public int Batches => Volatile.Read(ref _batches);

    /// <summary>The gateway's configuration that sends every proxied route here.</summary>
    public IReadOnlyDictionary<string, string> Routes => DashboardServices.All.ToDictionary(
        service => $"ReverseProxy:Clusters:{service}:Destinations:{service}:Address", _ => Address);

    /// <summary>The gateway's configuration that sends the routes of these clusters here.</summary>
    public IReadOnlyDictionary<string, string> RoutesOf(params string[] clusters) => clusters.ToDictionary(
        cluster => $"ReverseProxy:Clusters:{cluster}:Destinations:{cluster}:Address", _ => Address);

    /// <summary>The gateway's configuration that makes every service deployed here for the overview's composer too (the
    /// app model's service discovery).</summary>
    public IReadOnlyDictionary<string, string> Discovery => ServiceCatalog.All.ToDictionary(
        service => $"services:{service.ResourceName}:http:0", _ => Address);

    private string Address => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public void Hold() => Volatile.Write(ref _open, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Volatile.Read(ref _open).TrySetResult();

    /// <summary>Waits until <paramref name="count"/> batches have reached a service.</summary>
    public async Task WaitForBatchesAsync(int count, CancellationToken cancellationToken)
    {
        while (Batches < count)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }
}
