using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExecutiveDashboard.Simulator.Generation.Events;
using ExecutiveDashboard.Simulator.Generation.Story;

namespace ExecutiveDashboard.Simulator.Ingest;

/// <summary>
/// Posts batches of events to the gateway's ingest endpoints, and the story's annotations, as any platform service would. A <c>429</c> waits
/// as its <c>Retry-After</c> says; timeouts, connection failures and <c>5xx</c> are retried with backoff (ingest is
/// idempotent by event id, so a batch stored before its answer was lost only comes back as duplicates); a
/// <c>401</c> fetches a fresh token once. Anything else (a refused batch) is a bug here and stops the caller.
/// </summary>
public sealed class IngestClient(HttpClient http, GatewayTokens tokens, TimeProvider clock)
{
    private const int MaxTransientAttempts = 8;
    private static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);

    public HttpClient Http => http;

    public Task<IngestResult> PostAsync(EventStream stream, IReadOnlyCollection<PlatformEvent> batch, CancellationToken cancellationToken) =>
        PostAsync(stream, EventJson.Serialize(batch), cancellationToken);

    public async Task<IngestResult> PostAsync(EventStream stream, byte[] body, CancellationToken cancellationToken)
    {
        var answer = await SendAsync($"/api/{PlatformEvent.ServiceOf(stream)}/events", body, cancellationToken);
        return new IngestResult(answer?["accepted"]?.GetValue<long>() ?? 0, answer?["duplicates"]?.GetValue<long>() ?? 0);
    }

    /// <summary>One note of the story on the timeline (<c>POST /api/annotations</c>), with the same retries as a batch.</summary>
    public Task PostAsync(StoryAnnotation annotation, CancellationToken cancellationToken) =>
        SendAsync("/api/annotations", JsonSerializer.SerializeToUtf8Bytes(annotation, JsonSerializerOptions.Web), cancellationToken);

    private async Task<JsonObject?> SendAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        var failures = 0;
        var refreshed = false;
        var rateLimited = TimeSpan.Zero;
        while (true)
        {
            var token = await tokens.IngestTokenAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            TimeSpan wait;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
                }
                if (response.StatusCode == HttpStatusCode.TooManyRequests && rateLimited < MaxRateLimitWait)
                {
                    wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
                    rateLimited += wait;
                    await Task.Delay(wait, clock, cancellationToken);
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed)
                {
                    refreshed = true;
                    tokens.Forget();
                    continue;
                }
                if ((int)response.StatusCode < 500 || ++failures >= MaxTransientAttempts)
                {
                    var problem = await response.Content.ReadAsStringAsync(cancellationToken);
                    throw new IngestRefusedException(
                        $"POST {path}: {(int)response.StatusCode} {response.StatusCode}: {problem[..Math.Min(problem.Length, 2_000)]}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (++failures >= MaxTransientAttempts)
                {
                    throw;
                }
            }
            wait = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 500 * Math.Pow(2, failures - 1)));
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
