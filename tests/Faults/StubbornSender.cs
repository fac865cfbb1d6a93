using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ExecutiveDashboard.Faults;

/// <summary>
/// Sends every batch until it gets a 202, as a platform service with an outbox of its own would: a 5xx, a 429, a
/// timeout or a lost connection is retried (ingest is idempotent, so a batch stored before its answer was lost comes
/// back as duplicates); a 4xx other than 429 is a bug of the run and stops it.
/// </summary>
public sealed class StubbornSender(HttpClient ingest)
{
    private const int InFlight = 4;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private long _retries;

    public long Retries => Interlocked.Read(ref _retries);

    public ConcurrentDictionary<string, int> RetriesByReason { get; } = new();

    /// <param name="spread">At least how long the whole send takes: batch i leaves no earlier than i/n of it after the start,
    /// as a platform sends its events over time, so that the faults strike while batches are still coming; zero sends
    /// as fast as the system takes them.</param>
    public Task SendAllAsync(IReadOnlyList<Batch> batches, TimeSpan spread)
    {
        var start = Stopwatch.StartNew();
        return Parallel.ForEachAsync(batches.Select((batch, i) => (Batch: batch, Due: spread * i / batches.Count)),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (next, _) =>
            {
                if (next.Due > start.Elapsed)
                {
                    await Task.Delay(next.Due - start.Elapsed);
                }
                await SendAsync(next.Batch);
            });
    }

    private async Task SendAsync(Batch batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            TimeSpan? wait = null;
            try
            {
                using var timeout = new CancellationTokenSource(RequestTimeout);
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/{batch.Service}/events") { Content = new ByteArrayContent(batch.Json) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await ingest.SendAsync(request, timeout.Token);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return;
                }
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    throw new InvalidOperationException(
                        $"POST /api/{batch.Service}/events: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                reason = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                wait = response.Headers.RetryAfter?.Delta;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                reason = e is OperationCanceledException ? "timeout" : "connection";
            }
            Interlocked.Increment(ref _retries);
            RetriesByReason.AddOrUpdate(reason, 1, (_, n) => n + 1);
            await Task.Delay(wait ?? TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 200 * Math.Pow(2, Math.Min(attempt, 10)))));
        }
    }
}
