using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.TestSupport;

namespace ExecutiveDashboard.Benchmarks;

/// <summary>
/// Real-time latency: <paramref name="clients"/> WebSockets held on the gateway, spread over
/// <paramref name="workspaces"/> workspaces (and a few on <c>all</c>), while runs are ingested through the gateway at
/// <paramref name="rate"/> events/s in batches of 100, each batch one workspace's. Prints, from each batch's 202:
/// to every activity frame of its runs (matched by event id), and to the first <c>metrics_update</c> of its
/// workspace that each subscribed client receives after the batch was sent. Frames are matched once the run is over, so
/// one that overtakes its batch's 202 (the gateway pushes it as soon as the executions service has committed, and the
/// 202 may still be on its way or not yet read by this busy process) counts, as a time at or below zero, instead of
/// being missed: matched live, such a frame was skipped and the batch charged the next <c>metrics_update</c> of its
/// workspace, another service's up to the 250 ms coalescing interval later (printed beside, as "after the 202 was read",
/// the measure of earlier runs). Asserts nothing. Each <paramref name="newCeoToken"/> is a person of its own, since the
/// gateway caps the WebSockets one token may hold open.
/// </summary>
public sealed class LiveBenchmark(HttpClient http, string ingestToken, Func<Task<string>> newCeoToken, int clients, int workspaces, int rate, int seconds)
{
    private const int BatchSize = 100;

    // Well under the gateway's cap of open WebSockets per token (RateLimiting:WebSocketsPerSubject, 20 by default).
    private const int SocketsPerToken = 10;
    private readonly string _prefix = $"live-{Guid.NewGuid():N}"[..13];
    private readonly ConcurrentDictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(long Sent, long Accepted)>> _batchesByWorkspace = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Id, long Received)> _activityFrames = new();
    private int _closed;
    private long _ingestStarted;

    /// <summary>The run's tail is printed per slice of this many seconds too: a slow start (a first run after a restart)
    /// shows in its first slices.</summary>
    private const int SliceSeconds = 5;

    private string Workspace(int i) => $"{_prefix}-ws{i:D3}";

    public async Task RunAsync()
    {
        Console.WriteLine($"real time: {clients:N0} WebSocket clients over {workspaces} workspaces (+ {PlatformClients} on all), {rate:N0} runs/s for {seconds} s in batches of {BatchSize}");
        using var stop = new CancellationTokenSource();
        var connect = Stopwatch.StartNew();
        var sockets = await ConnectAllAsync(stop.Token);
        Console.WriteLine($"  connected and subscribed {sockets.Count:N0} clients in {connect.Elapsed.TotalSeconds:F1} s");
        var listening = sockets.Select(s => ListenAsync(s.Socket, s.Scope, stop.Token)).ToArray();

        var sent = await IngestAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)); // the last frames
        stop.Cancel();
        var updates = await Task.WhenAll(listening);

        var activity = _activityFrames.Where(f => _accepted.ContainsKey(f.Id))
            .Select(f => (At: _accepted[f.Id], Ms: Stopwatch.GetElapsedTime(_accepted[f.Id], f.Received).TotalMilliseconds)).ToList();
        var fromSent = UpdateLatencies(updates, batch => batch.Sent);
        var fromRead = UpdateLatencies(updates, batch => batch.Accepted);
        Console.WriteLine($"  ingested {sent:N0} runs; activity frames received {activity.Count:N0} ({activity.Count(l => l.Ms <= 0):N0} before their 202 was read), " +
                          $"metrics_update latencies {fromSent.Count:N0} ({fromSent.Count(l => l.Ms <= 0):N0} before the 202 was read); clients closed by the server: {_closed}");
        Console.WriteLine("  from the 202 to the frame (ms)                  p50     p95     p99     max");
        Console.WriteLine($"  activity                                    {Line(activity)}");
        Console.WriteLine($"  metrics_update                              {Line(fromSent)}");
        Console.WriteLine($"  metrics_update, first after the 202 was read {Line(fromRead)}");
        Console.WriteLine($"  p99 by {SliceSeconds} s of sending, activity / metrics_update (ms): " + string.Join(", ",
            activity.Concat(fromSent).Select(l => Slice(l.At)).Distinct().Order().Select(slice => string.Create(CultureInfo.InvariantCulture,
                $"{slice * SliceSeconds}–{(slice + 1) * SliceSeconds} s {P99(activity, slice):F0} / {P99(fromSent, slice):F0}"))));
        foreach (var (socket, _) in sockets)
        {
            await socket.DisposeAsync();
        }
    }

    private int PlatformClients => Math.Max(1, clients / 100);

    private async Task<List<(LiveSocket Socket, string Scope)>> ConnectAllAsync(CancellationToken cancellationToken)
    {
        var tokens = new List<string>();
        for (var i = 0; i < clients; i += SocketsPerToken)
        {
            tokens.Add(await newCeoToken());
        }
        var scopes = Enumerable.Range(0, clients)
            .Select(i => (Scope: i < PlatformClients ? "all" : Workspace(i % workspaces), Token: tokens[i / SocketsPerToken])).ToList();
        var sockets = new ConcurrentBag<(LiveSocket, string)>();
        await Parallel.ForEachAsync(scopes, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (client, ct) =>
        {
            var (scope, token) = client;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var socket = await LiveSocket.ConnectAsync(http.BaseAddress!, token, ct);
                    await socket.SubscribeAsync(scope, ct);
                    sockets.Add((socket, scope));
                    return;
                }
                catch (WebSocketException) when (attempt < 100)
                {
                    await Task.Delay(1000, ct); // the gateway's per-token rate limit (429): connect more slowly
                }
            }
        });
        return [.. sockets];
    }

    private async Task<long> IngestAsync()
    {
        var interval = TimeSpan.FromSeconds((double)BatchSize / rate);
        var clock = Stopwatch.StartNew();
        _ingestStarted = Stopwatch.GetTimestamp();
        var posts = new List<Task>();
        var batches = (int)(seconds * (long)rate / BatchSize);
        for (var b = 0; b < batches; b++)
        {
            var due = interval * b;
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            posts.Add(PostBatchAsync(b));
        }
        await Task.WhenAll(posts);
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  sent {batches * BatchSize:N0} runs in {elapsed:F1} s = {batches * BatchSize / elapsed:N0} runs/s");
        return batches * (long)BatchSize;
    }

    private async Task PostBatchAsync(int batch)
    {
        var workspace = Workspace(batch % workspaces);
        var now = DateTime.UtcNow;
        var ids = Enumerable.Range(0, BatchSize).Select(i => $"{_prefix}-{batch}-{i}").ToArray();
        var events = new JsonArray(ids.Select((id, i) => (JsonNode)new JsonObject
        {
            ["eventId"] = id, ["type"] = "run.completed", ["workspaceId"] = workspace, ["runId"] = id,
            ["agentId"] = $"agent_{i % 7}", ["agentName"] = $"Agent {i % 7}", ["userId"] = $"{_prefix}-u{i % 13}",
            ["status"] = i % 10 == 0 ? "failed" : "succeeded",
            ["startedAt"] = Iso(now.AddSeconds(-2)), ["completedAt"] = Iso(now), ["credits"] = 0.5m,
            ["errorCode"] = i % 10 == 0 ? "E_TIMEOUT" : null,
        }).ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/executions/events")
        {
            Content = new StringContent(events.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ingestToken);
        var sent = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var accepted = Stopwatch.GetTimestamp();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"ingest: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        foreach (var id in ids)
        {
            _accepted[id] = accepted;
        }
        _batchesByWorkspace.GetOrAdd(workspace, _ => new()).Enqueue((sent, accepted));
    }

    /// <returns>The client's scope and when each of its <c>metrics_update</c> frames arrived, in order.</returns>
    private async Task<(string Scope, List<long> Updates)> ListenAsync(LiveSocket socket, string scope, CancellationToken cancellationToken)
    {
        var updates = new List<long>();
        try
        {
            while (await socket.ReceiveUtf8Async(cancellationToken) is { } frame)
            {
                var received = Stopwatch.GetTimestamp();
                var (kind, id) = Read(frame.Span);
                if (kind == "activity" && id is not null)
                {
                    _activityFrames.Enqueue((id, received));
                }
                else if (kind == "metrics_update")
                {
                    updates.Add(received);
                }
            }
            Interlocked.Increment(ref _closed);
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
            Interlocked.Increment(ref _closed);
        }
        return (scope, updates);
    }

    /// <summary>For each client of a workspace and each batch of that workspace, from the batch's 202 to the first
    /// <c>metrics_update</c> the client received at or after <paramref name="from"/> of the batch (a frame answers every
    /// batch before it); negative where the frame overtook the 202.</summary>
    private List<(long At, double Ms)> UpdateLatencies(IEnumerable<(string Scope, List<long> Updates)> clientUpdates, Func<(long Sent, long Accepted), long> from)
    {
        var latencies = new List<(long At, double Ms)>();
        foreach (var (scope, updates) in clientUpdates)
        {
            if (!_batchesByWorkspace.TryGetValue(scope, out var batches))
            {
                continue;
            }
            var next = 0;
            foreach (var batch in batches.OrderBy(b => b.Sent))
            {
                while (next < updates.Count && updates[next] < from(batch))
                {
                    next++;
                }
                if (next < updates.Count)
                {
                    latencies.Add((batch.Accepted, Stopwatch.GetElapsedTime(batch.Accepted, updates[next]).TotalMilliseconds));
                }
            }
        }
        return latencies;
    }

    private static (string? Kind, string? Id) Read(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        string? kind = null, id = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "event")
                {
                    kind = reader.GetString();
                }
                else if (name == "id")
                {
                    id = reader.GetString();
                }
            }
        }
        return (kind, id);
    }

    private int Slice(long at) => (int)(Stopwatch.GetElapsedTime(_ingestStarted, at).TotalSeconds / SliceSeconds);

    private double P99(IEnumerable<(long At, double Ms)> latencies, int slice) =>
        Percentile.Of(latencies.Where(l => Slice(l.At) == slice).Select(l => l.Ms), 99);

    private static string Line(IEnumerable<(long At, double Ms)> latencies)
    {
        var samples = latencies.Select(l => l.Ms).ToArray();
        if (samples.Length == 0)
        {
            return "no samples";
        }
        double P(double p) => Percentile.Of(samples, p);
        return string.Create(CultureInfo.InvariantCulture, $"{P(50),7:F1} {P(95),7:F1} {P(99),7:F1} {P(100),7:F1}");
    }

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
